/**
 * src/syntax: a keepalived.conf file (and what it includes) → AST + diagnostics.
 * Never throws on bad input.
 */
import { parseTokens } from '../../grammar/parser.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Node } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { Preprocessor, type PreprocessOptions } from './preprocess.js';
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
  const cst = parseTokens(tokens);
  const builder = new AstBuilder();
  const ast = builder.document(cst);
  const all = [...diagnostics, ...builder.diagnostics].sort(compareDiagnostics);
  return { file, ast, diagnostics: all, sources: files };
}

export type ParseFileResult = ParseResult | { file: string; ioError: string };

export function parseFile(path: string, options: ParseOptions = {}): ParseFileResult {
  const read = readSource(path);
  if (!read.ok) return { file: path, ioError: `${path}: ${read.reason}` };
  return parseText(read.text, path, options);
}
