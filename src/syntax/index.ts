/**
 * src/syntax: a keepalived.conf file (and what it includes) → AST + diagnostics.
 * Never throws on bad input.
 */
import { parseTokens } from '../../grammar/parser.js';
import type { IToken } from 'chevrotain';
import { LBrace, RBrace, Word } from '../../grammar/lexer.js';
import { compareDiagnostics, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Node } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { payloadOf, Preprocessor, type PreprocessOptions } from './preprocess.js';
import { readSource, type SourceFile } from './source.js';

export type { Node, BlockNode, DirectiveNode, CommentNode, StatementNode, Condition, Origin } from './ast.js';
export { isEffective, isStatement } from './ast.js';

export interface ParseOptions {
  /** `expanded` (default): as keepalived reads it; `raw`: as written, nothing expanded */
  mode?: PreprocessOptions['mode'];
  host?: string;
}

export interface ParseResult {
  file: string;
  ast: Node[];
  diagnostics: Diagnostic[];
  /** every file read, the main one first */
  sources: SourceFile[];
}

export function parseText(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const pre = new Preprocessor({ mode: options.mode ?? 'expanded', ...(options.host !== undefined ? { host: options.host } : {}) });
  const { tokens, diagnostics, files } = pre.run(file, text);
  const tooDeep = flattenDeepBlocks(tokens);
  if (tooDeep) diagnostics.push(tooDeep);
  const cst = parseTokens(tokens);
  const builder = new AstBuilder();
  const ast = builder.document(cst);
  const all = [...diagnostics, ...builder.diagnostics].sort(compareDiagnostics);
  return { file, ast, diagnostics: all, sources: files };
}

/**
 * keepalived's blocks nest at most a few levels (virtual_server > real_server > HTTP_GET > url).
 * Braces deeper than MAX_DEPTH are read as plain words, so that no input can exhaust the
 * parser's stack; the first of them is reported.
 */
export const MAX_DEPTH = 64;

/** Chevrotain matches tokens by their type index: both must change. */
function asWord(t: IToken): void {
  t.tokenType = Word;
  t.tokenTypeIdx = Word.tokenTypeIdx!;
}

function flattenDeepBlocks(tokens: IToken[]): Diagnostic | undefined {
  let depth = 0;
  let flat = 0;
  let first: IToken | undefined;
  for (const t of tokens) {
    if (t.tokenType === LBrace) {
      if (depth >= MAX_DEPTH) {
        first ??= t;
        flat++;
        asWord(t);
      } else depth++;
    } else if (t.tokenType === RBrace) {
      if (flat > 0) {
        flat--;
        asWord(t);
      } else if (depth > 0) depth--;
    }
  }
  if (!first) return undefined;
  return diagnostic(
    'syntax/too-deep',
    'error',
    `blocks nest more than ${MAX_DEPTH} levels deep here; kaconf reads the deeper braces as words`,
    payloadOf(first).loc,
    'keepalived blocks nest a few levels at most: look for missing `}`',
  );
}

export type ParseFileResult = ParseResult | { file: string; ioError: string };

export function parseFile(path: string, options: ParseOptions = {}): ParseFileResult {
  const read = readSource(path);
  if (!read.ok) return { file: path, ioError: `${path}: ${read.reason}` };
  return parseText(read.text, path, options);
}
