/**
 * src/syntax: a keepalived.conf file (and what it includes) → AST + diagnostics.
 * Never throws on bad input.
 */
import type { IToken } from 'chevrotain';
import { Comment, LBrace, Newline, RBrace, Word } from '../../grammar/lexer.js';
import { compareDiagnostics, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Node } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { Preprocessor, tokenLoc, type PreprocessOptions, type TokenSink } from './preprocess.js';
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
  const builder = new AstBuilder();
  // the parser reads the tokens as the preprocessor makes them, a few top-level statements at a time
  const stream = new TokenStream(builder);
  const { diagnostics, files } = pre.run(file, text, stream);
  const ast = stream.end();
  const tooDeep = stream.tooDeep();
  if (tooDeep) diagnostics.push(tooDeep);
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

/** Tokens parsed per call of the parser, at least (it is called at the start of a top-level line). */
const CHUNK = 512;

/**
 * The preprocessor's tokens, fed to the parser in pieces: a piece ends before a line that
 * starts at the top level (no block open) with something other than `{`, so that no
 * statement runs across two pieces (a statement's words end with their line; its block,
 * when it has one, is the next thing but newlines and comments). Parsed this way, the
 * tokens of a big file need not all be kept until the end. Braces nested too deep become
 * words here, as they come.
 */
class TokenStream implements TokenSink {
  private buffer: IToken[] = [];
  private readonly ast: Node[] = [];
  private depth = 0;
  private flat = 0;
  private first: IToken | undefined;

  constructor(private readonly builder: AstBuilder) {}

  add(t: IToken): void {
    const buffer = this.buffer;
    const type = t.tokenType;
    if (
      this.depth === 0 &&
      buffer.length >= CHUNK &&
      type !== Newline &&
      type !== Comment &&
      type !== LBrace &&
      buffer[buffer.length - 1]!.tokenType === Newline
    ) {
      this.parse();
    }
    if (type === LBrace) {
      if (this.depth >= MAX_DEPTH) {
        this.first ??= t;
        this.flat++;
        asWord(t);
      } else this.depth++;
    } else if (type === RBrace) {
      if (this.flat > 0) {
        this.flat--;
        asWord(t);
      } else if (this.depth > 0) this.depth--;
    }
    this.buffer.push(t);
  }

  private parse(): void {
    const nodes = this.builder.document(this.buffer);
    this.buffer = [];
    for (let i = 0; i < nodes.length; i++) this.ast.push(nodes[i]!);
  }

  /** The AST of all the tokens. */
  end(): Node[] {
    if (this.buffer.length > 0) this.parse();
    return this.ast;
  }

  /** The finding for braces nested too deep, if there were. */
  tooDeep(): Diagnostic | undefined {
    if (!this.first) return undefined;
    return diagnostic(
      'syntax/too-deep',
      'error',
      `blocks nest more than ${MAX_DEPTH} levels deep here; kaconf reads the deeper braces as words`,
      tokenLoc(this.first),
      'keepalived blocks nest a few levels at most: look for missing `}`',
    );
  }
}

export type ParseFileResult = ParseResult | { file: string; ioError: string };

export function parseFile(path: string, options: ParseOptions = {}): ParseFileResult {
  const read = readSource(path);
  if (!read.ok) return { file: path, ioError: `${path}: ${read.reason}` };
  return parseText(read.text, path, options);
}
