/**
 * Tokens → AST (ast.ts), reporting what keepalived rejects in the structure. The parser
 * (grammar/parser.ts) calls these actions as it recognises each part of the grammar.
 */
import type { IToken } from 'chevrotain';
import { Definition, Include, Quoted, Seq, UnterminatedQuoted } from '../../grammar/lexer.js';
import { parseTokens, type ParseActions } from '../../grammar/parser.js';
import { diagnostic, spanLoc, type Diagnostic, type Loc } from '../diagnostics.js';
import type { BlockNode, CommentNode, DirectiveNode, Node, Origin } from './ast.js';
import { payloadOf, tokenLoc, tokenOrigin } from './preprocess.js';

/** The value keepalived sees for a word: quotes removed, `\#` and `\!` unescaped. */
export function wordValue(t: IToken): string {
  if (t.tokenType === Quoted) return t.image.slice(1, -1);
  if (t.tokenType === UnterminatedQuoted) return t.image.slice(1);
  return t.image.includes('\\') ? t.image.replace(/\\([#!])/g, '$1') : t.image;
}

/** The words of a statement, read before its block. */
interface Head {
  keyword: string;
  args: string[];
  keywordLoc: Loc;
  argLocs: Loc[];
  /** indexes of args written in double quotes */
  quoted: number[];
  lastLoc: Loc;
  origin: Origin | undefined;
}

interface Block {
  body: Node[];
  openLoc: Loc;
  closeLoc?: Loc;
}

export class AstBuilder implements ParseActions<Node, Head, Block> {
  readonly diagnostics: Diagnostic[] = [];
  /** where the previous element of the body being built ended (for inline comments) */
  private lastEnd: Loc | undefined;
  /**
   * One string for each distinct short word: a big config says `priority`, `eth0` or `200`
   * thousands of times, and the AST keeps every word (each a string of its own otherwise).
   */
  private readonly interned = new Map<string, string>();

  private word(t: IToken): string {
    const v = wordValue(t);
    if (v.length > 32) return v;
    const seen = this.interned.get(v);
    if (seen !== undefined) return seen;
    this.interned.set(v, v);
    return v;
  }

  /** The AST of a preprocessed token stream. */
  document(tokens: IToken[]): Node[] {
    return parseTokens(tokens, this);
  }

  strayClose(t: IToken): void {
    this.diagnostics.push(
      diagnostic('syntax/unexpected-close', 'error', '`}` closes no block', tokenLoc(t), 'remove it, or look above for a block closed twice'),
    );
    this.lastEnd = tokenLoc(t);
  }

  comment(t: IToken): CommentNode {
    const loc = tokenLoc(t);
    const text = t.image.endsWith('\r') ? t.image.slice(0, -1) : t.image;
    const inline = this.lastEnd !== undefined && this.lastEnd.file === loc.file && this.lastEnd.endLine === loc.line;
    const node: CommentNode = { type: 'comment', text, loc: { ...loc, endColumn: loc.column + text.length } };
    if (inline) node.inline = true;
    this.lastEnd = loc;
    return node;
  }

  statement(condTok: IToken | undefined, node: Node | undefined): Node {
    const condition = condTok ? payloadOf(condTok).condition : undefined;
    if (node === undefined) {
      const loc = tokenLoc(condTok!);
      this.diagnostics.push(
        diagnostic(
          'syntax/empty-conditional',
          'warning',
          `nothing follows ${condTok!.image}; keepalived ignores this line`,
          loc,
          `write the line to use for host "${condition?.name ?? ''}" after ${condTok!.image}`,
        ),
      );
      this.lastEnd = loc;
      const empty: DirectiveNode = { type: 'directive', keyword: '', args: [], loc, keywordLoc: loc, argLocs: [] };
      if (condition) empty.condition = condition;
      return empty;
    }
    if (condition && node.type !== 'comment') node.condition = condition;
    return node;
  }

  line(t: IToken): DirectiveNode {
    const p = payloadOf(t);
    const loc = p.loc;
    this.lastEnd = loc;
    const base = { type: 'directive' as const, loc, keywordLoc: loc, argLocs: [loc] };
    if (t.tokenType === Definition) {
      const eq = t.image.indexOf('=');
      return { ...base, keyword: t.image.slice(0, eq), args: [t.image.slice(eq + 1)], preprocessor: 'define' };
    }
    if (t.tokenType === Seq) {
      const m = /^~(?:SEQx?|LST)/.exec(t.image)!;
      return { ...base, keyword: m[0], args: [t.image.slice(m[0].length)], preprocessor: 'seq' };
    }
    if (t.tokenType === Include) {
      const kw = t.image.split(' ', 1)[0]!;
      const node: DirectiveNode = { ...base, keyword: kw, args: [p.pattern ?? ''], preprocessor: 'include', files: p.files ?? [] };
      if (p.origin) node.origin = p.origin;
      return node;
    }
    // Inactive: a switched-off conditional line, kept with its words
    const words = p.words ?? [];
    const node: DirectiveNode = {
      ...base,
      keyword: words[0] ? this.word(words[0]) : '',
      keywordLoc: words[0] ? tokenLoc(words[0]) : loc,
      args: words.slice(1).map((w) => this.word(w)),
      argLocs: words.slice(1).map(tokenLoc),
      inactive: true,
    };
    return node;
  }

  words(values: readonly IToken[], count: number): Head {
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      if (v.tokenType === UnterminatedQuoted) {
        this.diagnostics.push(
          diagnostic(
            'syntax/unterminated-quote',
            'error',
            'this quoted string has no closing `"` on its line',
            tokenLoc(v),
            'close the string with `"` before the end of the line',
          ),
        );
      }
    }
    const first = values[0]!;
    // arrays of their exact size: an array filled by push() keeps room for 16 (the AST holds 2 per statement)
    const args = new Array<string>(count - 1);
    const argLocs = new Array<Loc>(count - 1);
    const quoted: number[] = [];
    let origin = tokenOrigin(first);
    for (let i = 1; i < count; i++) {
      const v = values[i]!;
      args[i - 1] = this.word(v);
      argLocs[i - 1] = tokenLoc(v);
      if (v.tokenType === Quoted) quoted.push(i - 1);
      origin ??= tokenOrigin(v);
    }
    const lastLoc = tokenLoc(values[count - 1]!);
    this.lastEnd = lastLoc;
    return { keyword: this.word(first), args, keywordLoc: tokenLoc(first), argLocs, quoted, lastLoc, origin };
  }

  open(lbrace: IToken, owner: Head | undefined): void {
    const openLoc = tokenLoc(lbrace);
    if (owner === undefined) {
      this.diagnostics.push(
        diagnostic(
          'syntax/block-without-keyword',
          'error',
          '`{` opens a block with no keyword before it',
          openLoc,
          'put the keyword the block belongs to before `{`, or remove the braces',
        ),
      );
    }
    this.lastEnd = openLoc;
  }

  close(lbrace: IToken, body: Node[], rbrace: IToken | undefined, owner: Head | undefined): Block {
    const openLoc = tokenLoc(lbrace);
    if (!rbrace) {
      const title = owner ? `${owner.keyword}${owner.args.length ? ' ' + owner.args.join(' ') : ''}` : undefined;
      this.diagnostics.push(
        diagnostic(
          'syntax/unclosed-block',
          'error',
          title ? `block \`${title}\` is never closed` : 'this block is never closed',
          openLoc,
          'add the missing `}` where the block ends',
        ),
      );
      return { body, openLoc };
    }
    const closeLoc = tokenLoc(rbrace);
    this.lastEnd = closeLoc;
    return { body, openLoc, closeLoc };
  }

  blockBody(block: Block): Node[] {
    return block.body;
  }

  simple(head: Head, gapComments: readonly Node[], block: Block | undefined): Node {
    const { keyword, args, keywordLoc, argLocs, quoted, origin } = head;
    if (!block) {
      const node: DirectiveNode = { type: 'directive', keyword, args, loc: spanLoc(keywordLoc, head.lastLoc), keywordLoc, argLocs };
      if (quoted.length > 0) node.quoted = quoted;
      if (origin) node.origin = origin;
      return node;
    }
    // comments between the keyword line and a `{` on a later line go into the block
    const { body, openLoc, closeLoc } = block;
    const loc = spanLoc(keywordLoc, closeLoc ?? body[body.length - 1]?.loc ?? openLoc);
    const all = gapComments.length > 0 ? [...gapComments, ...body] : body;
    // closeLoc in the literal, not added after (which costs the node a block of its own)
    const node: BlockNode = closeLoc
      ? { type: 'block', keyword, args, loc, keywordLoc, argLocs, body: all, openLoc, closeLoc }
      : { type: 'block', keyword, args, loc, keywordLoc, argLocs, body: all, openLoc };
    if (quoted.length > 0) node.quoted = quoted;
    if (origin) node.origin = origin;
    return node;
  }
}
