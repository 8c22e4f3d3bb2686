/** CST (grammar/parser.ts) → AST (ast.ts), reporting what keepalived rejects in the structure. */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { Definition, Include, Quoted, RBrace, Seq, UnterminatedQuoted } from '../../grammar/lexer.js';
import { diagnostic, spanLoc, type Diagnostic, type Loc } from '../diagnostics.js';
import type { BlockNode, CommentNode, DirectiveNode, Node } from './ast.js';
import { payloadOf } from './preprocess.js';

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

const NONE: CstElement[] = [];

function tokenLoc(t: IToken): Loc {
  return payloadOf(t).loc;
}

/** The value keepalived sees for a word: quotes removed, `\#` and `\!` unescaped. */
export function wordValue(t: IToken): string {
  if (t.tokenType === Quoted) return t.image.slice(1, -1);
  if (t.tokenType === UnterminatedQuoted) return t.image.slice(1);
  return t.image.includes('\\') ? t.image.replace(/\\([#!])/g, '$1') : t.image;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** where the previous element of the body being built ended (for inline comments) */
  private lastEnd: Loc | undefined;

  document(cst: CstNode): Node[] {
    return this.body(cst, true);
  }

  private body(node: CstNode, topLevel: boolean): Node[] {
    const out: Node[] = [];
    // every alternative of a body is labelled `item`: in the order written
    for (const el of node.children.item ?? NONE) {
      if (isToken(el)) {
        const name = el.tokenType.name;
        if (name === 'Newline') continue;
        if (name === 'Comment') out.push(this.comment(el));
        else if (el.tokenType === RBrace && topLevel) {
          this.diagnostics.push(
            diagnostic(
              'syntax/unexpected-close',
              'error',
              '`}` closes no block',
              tokenLoc(el),
              'remove it, or look above for a block closed twice',
            ),
          );
          this.lastEnd = tokenLoc(el);
        }
        continue;
      }
      if (el.name === 'statement') {
        const n = this.statement(el);
        if (n) out.push(...n);
      } else if (el.name === 'anonymous') {
        const block = el.children.block![0] as CstNode;
        const lbrace = block.children.LBrace![0] as IToken;
        this.diagnostics.push(
          diagnostic(
            'syntax/block-without-keyword',
            'error',
            '`{` opens a block with no keyword before it',
            tokenLoc(lbrace),
            'put the keyword the block belongs to before `{`, or remove the braces',
          ),
        );
        const { body } = this.block(block, undefined);
        out.push(...body);
      }
    }
    return out;
  }

  private comment(t: IToken): CommentNode {
    const loc = tokenLoc(t);
    const text = t.image.replace(/\r$/, '');
    const inline = this.lastEnd !== undefined && this.lastEnd.file === loc.file && this.lastEnd.endLine === loc.line;
    const node: CommentNode = { type: 'comment', text, loc: { ...loc, endColumn: loc.column + text.length } };
    if (inline) node.inline = true;
    this.lastEnd = loc;
    return node;
  }

  private statement(cst: CstNode): Node[] | undefined {
    const condTok = cst.children.Conditional?.[0] as IToken | undefined;
    const condition = condTok ? payloadOf(condTok).condition : undefined;
    const head = (cst.children.head?.[0] as CstNode | undefined) ?? undefined;
    if (!head) {
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
      const node: DirectiveNode = { type: 'directive', keyword: '', args: [], loc, keywordLoc: loc, argLocs: [] };
      if (condition) node.condition = condition;
      return [node];
    }
    const line = head.children.line?.[0] as IToken | undefined;
    const nodes = line ? [this.preprocessorLine(line)] : this.simple(head.children.simple![0] as CstNode);
    const first = nodes[0];
    if (condition && first && first.type !== 'comment') first.condition = condition;
    return nodes;
  }

  private preprocessorLine(t: IToken): DirectiveNode {
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
      keyword: words[0] ? wordValue(words[0]) : '',
      keywordLoc: words[0] ? tokenLoc(words[0]) : loc,
      args: words.slice(1).map(wordValue),
      argLocs: words.slice(1).map(tokenLoc),
      inactive: true,
    };
    return node;
  }

  private simple(cst: CstNode): Node[] {
    const values = cst.children.value as IToken[];
    const first = values[0]!;
    const last = values[values.length - 1]!;
    for (const v of values) {
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
    const keyword = wordValue(first);
    const args = values.slice(1).map(wordValue);
    const quotedIdx = values.slice(1).flatMap((v, i) => (v.tokenType === Quoted ? [i] : []));
    const keywordLoc = tokenLoc(first);
    const argLocs = values.slice(1).map(tokenLoc);
    const origin = values.map((v) => payloadOf(v).origin).find((o) => o !== undefined);
    this.lastEnd = tokenLoc(last);
    const blockCst = cst.children.block?.[0] as CstNode | undefined;
    if (!blockCst) {
      const node: DirectiveNode = { type: 'directive', keyword, args, loc: spanLoc(keywordLoc, tokenLoc(last)), keywordLoc, argLocs };
      if (quotedIdx.length > 0) node.quoted = quotedIdx;
      if (origin) node.origin = origin;
      return [node];
    }
    // comments between the keyword line and a `{` on a later line go into the block
    const gapComments = ((cst.children.gapComment as IToken[] | undefined) ?? []).map((c) => this.comment(c));
    const { body, openLoc, closeLoc } = this.block(blockCst, `${keyword}${args.length ? ' ' + args.join(' ') : ''}`);
    const node: BlockNode = {
      type: 'block',
      keyword,
      args,
      loc: spanLoc(keywordLoc, closeLoc ?? lastLocOf(body) ?? openLoc),
      keywordLoc,
      argLocs,
      body: [...gapComments, ...body],
      openLoc,
    };
    if (closeLoc) node.closeLoc = closeLoc;
    if (quotedIdx.length > 0) node.quoted = quotedIdx;
    if (origin) node.origin = origin;
    return [node];
  }

  private block(cst: CstNode, title: string | undefined): { body: Node[]; openLoc: Loc; closeLoc?: Loc } {
    const lbrace = cst.children.LBrace![0] as IToken;
    const rbrace = cst.children.RBrace?.[0] as IToken | undefined;
    const openLoc = tokenLoc(lbrace);
    this.lastEnd = openLoc;
    const body = this.body(cst.children.blockBody![0] as CstNode, false);
    if (!rbrace) {
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
}

function lastLocOf(body: Node[]): Loc | undefined {
  const last = body[body.length - 1];
  return last?.loc;
}
