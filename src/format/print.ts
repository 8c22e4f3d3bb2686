/**
 * The keepalived.conf printer: an AST (as written: `raw` parse mode, or made from a Document)
 * → canonical text. One statement a line, nested indentation, `{` on the keyword's line,
 * `}` on its own line, single spaces between words, comments where they were (own-line
 * comments above their statement, trailing comments after it), `!`/`#` as written, quotes as
 * written, blank lines kept but never more than one in a row, and never right after `{` or
 * before `}`. Preprocessor lines (includes, `$NAME=` definitions, `~SEQ`) and conditional
 * prefixes are printed as written: fmt never expands them.
 */
import type { BlockNode, CommentNode, DirectiveNode, Node } from '../syntax/ast.js';

export interface PrintOptions {
  /** spaces per nesting level */
  indent: number;
}

/** Printer hints a node may carry when it does not come from a file (convert). */
export interface Trivia {
  /** a blank line before this node */
  blankBefore?: boolean;
}

type AnyNode = Node & Trivia;

/** Whether keepalived can only read `value` back as one word when it is in double quotes. */
export function needsQuotes(value: string): boolean {
  return value === '' || /[\s{}"]/.test(value) || (/[!#]/.test(value) && /\s/.test(value));
}

/** Unquoted words escape comment characters. */
function bareWord(value: string): string {
  return value.replace(/([#!])/g, '\\$1');
}

/** A word as it must be written for keepalived to read it back as `value`. */
export function word(value: string, quoted: boolean): string {
  if (quoted || needsQuotes(value)) return `"${value}"`;
  return bareWord(value);
}

function words(n: DirectiveNode | BlockNode): string {
  const parts = [n.keyword === '' ? '' : word(n.keyword, false)];
  n.args.forEach((a, i) => parts.push(word(a, n.quoted?.includes(i) ?? false)));
  return parts.filter((p, i) => i > 0 || p !== '').join(' ');
}

function prefix(n: DirectiveNode | BlockNode): string {
  if (!n.condition) return '';
  return `@${n.condition.negate ? '^' : ''}${n.condition.name}${n.keyword === '' ? '' : ' '}`;
}

function preprocessorLine(n: DirectiveNode): string {
  if (n.preprocessor === 'define') return `${n.keyword}=${n.args[0] ?? ''}`.replace(/[ \t]+$/gm, '');
  if (n.preprocessor === 'seq') return `${n.keyword}${n.args[0] ?? ''}`;
  return `${n.keyword} ${n.args[0] ?? ''}`;
}

function commentText(c: CommentNode): string {
  return c.text.replace(/\s+$/, '');
}

/** Whether the source had a blank line between two nodes (or the node says so). */
function blankBetween(prev: AnyNode | undefined, next: AnyNode): boolean {
  if (next.blankBefore !== undefined) return next.blankBefore;
  if (!prev || prev.loc.file !== next.loc.file) return false;
  return next.loc.line - prev.loc.endLine > 1;
}

export function printConf(nodes: Node[], options: PrintOptions = { indent: 4 }): string {
  const out: string[] = [];
  printBody(nodes as AnyNode[], 0, out, options);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length === 0 ? '' : out.join('\n') + '\n';
}

function printBody(nodes: AnyNode[], depth: number, out: string[], options: PrintOptions): void {
  const pad = ' '.repeat(options.indent * depth);
  let prev: AnyNode | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.type === 'comment' && n.inline && prev && out.length > 0) {
      // a trailing comment goes on the line of what it follows
      out[out.length - 1] += ` ${commentText(n)}`;
      prev = n;
      continue;
    }
    if (prev !== undefined && blankBetween(prev, n) && out[out.length - 1] !== '') out.push('');
    if (n.type === 'comment') {
      out.push(pad + commentText(n));
    } else if (n.type === 'directive') {
      out.push(pad + (n.preprocessor ? prefix(n) + preprocessorLine(n) : prefix(n) + words(n)));
    } else {
      out.push(`${pad}${prefix(n)}${words(n)} {`);
      const body = n.body as AnyNode[];
      // comments on the `{` line (inline, first in the body) stay there
      let start = 0;
      while (start < body.length && body[start]!.type === 'comment' && (body[start] as CommentNode).inline && body[start]!.loc.line === n.openLoc.line) {
        out[out.length - 1] += ` ${commentText(body[start] as CommentNode)}`;
        start++;
      }
      const inner = body.slice(start);
      const mark = out.length;
      printBody(inner, depth + 1, out, options);
      // no blank line right after `{`
      if (out[mark] === '') out.splice(mark, 1);
      while (out.length > mark && out[out.length - 1] === '') out.pop();
      out.push(`${pad}}`);
      // the position of the `}` decides what a following comment is inline to
      prev = { ...n, loc: n.closeLoc ? { ...n.loc, line: n.closeLoc.line, endLine: n.closeLoc.endLine } : n.loc };
      continue;
    }
    prev = n;
  }
}
