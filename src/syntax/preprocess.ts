/**
 * keepalived's line preprocessing (lib/parser.c read_line), on tokens: conditional lines
 * (`@NAME` / `@^NAME`), parameter definitions (`$NAME=value`, multi-line with `\`), their
 * substitution (`$NAME`, `${NAME}`), `~SEQ` / `~LST` repetition and `include` files.
 *
 * Two modes:
 * - `expanded`: what keepalived reads — parameters substituted, sequences repeated, included
 *   files inlined, unselected conditional lines switched off. Used by lint and compile.
 * - `raw`: the file as written — nothing expanded, preprocessor lines kept as single tokens.
 *   Used by fmt and convert, which never expand.
 *
 * The output is one token stream for the CST parser, a Newline token ending every line.
 * Every token but a newline carries its source location in `payload` (tokenLoc), also tokens
 * that came out of a substitution (they point at the `$NAME` that produced them); its offsets
 * in the file are the token's own (startOffset, endOffset: see tokenStart / tokenEnd).
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { globSync } from 'tinyglobby';
import {
  Comment,
  Conditional,
  Definition,
  Inactive,
  Include,
  keepalivedLexer,
  Newline,
  Seq,
  Word,
} from '../../grammar/lexer.js';
import { diagnostic, type Diagnostic, type Loc } from '../diagnostics.js';
import type { Condition, Origin } from './ast.js';
import { readSource, realPath, SourceFile } from './source.js';

/** keepalived reads lines with fgets into a 1024-byte buffer: longer lines are split. */
export const KEEPALIVED_MAX_LINE = 1023;
const MAX_SUBSTITUTIONS = 256;
const MAX_SEQ_ITEMS = 100_000;

export interface TokenPayload {
  /** where the token is (its file: loc.file) */
  loc: Loc;
  origin?: Origin;
  condition?: Condition;
  /** Include tokens: the glob pattern and the files it read */
  pattern?: string;
  files?: string[];
  /** Inactive tokens: the words of the switched-off line */
  words?: IToken[];
}

/**
 * A token's payload is its location alone (a Loc: most tokens), or a TokenPayload when the
 * token carries more (an origin, a condition, an include's files...): one object less per token.
 */
type Payload = Loc | TokenPayload;

function rich(p: Payload): p is TokenPayload {
  return (p as TokenPayload).loc !== undefined;
}

/** Where a token is. */
export function tokenLoc(t: IToken): Loc {
  const p = t.payload as Payload;
  return rich(p) ? p.loc : p;
}

/** Where a token came from, when the preprocessor made it (parameter substitution, ~SEQ). */
export function tokenOrigin(t: IToken): Origin | undefined {
  const p = t.payload as Payload;
  return rich(p) ? p.origin : undefined;
}

/** Everything the preprocessor attached to a token. */
export function payloadOf(t: IToken): TokenPayload {
  const p = t.payload as Payload;
  return rich(p) ? p : { loc: p };
}

/** Offset in its file of the first character a token covers. */
export function tokenStart(t: IToken): number {
  return t.startOffset;
}

/** Offset in its file just past the last character a token covers (the lexer tracks offsets only: no endOffset). */
export function tokenEnd(t: IToken): number {
  return t.endOffset === undefined ? t.startOffset + t.image.length : t.endOffset + 1;
}

export interface PreprocessOptions {
  mode: 'expanded' | 'raw';
  /** the name conditional lines are matched against (keepalived's config_id); none by default */
  host?: string;
}

/** Where the preprocessor puts its tokens, one at a time, in reading order (e.g. a parser fed as they come). */
export interface TokenSink {
  add(token: IToken): void;
}

/** Nothing (lines with no comment, lines that add no lines): shared, never changed. */
const NONE: IToken[] = Object.freeze([]) as unknown as IToken[];
const NO_LINES: Line[] = Object.freeze([]) as unknown as Line[];

export interface PreprocessResult {
  /** the tokens, unless they went to a sink given to run() */
  tokens: IToken[];
  diagnostics: Diagnostic[];
  /** every file read, the main one first */
  files: SourceFile[];
}

interface Definition {
  name: string;
  /** value lines (a multi-line definition has more than one) */
  lines: string[];
  multiline: boolean;
  loc?: Loc;
  /** built-in definitions whose value is computed */
  compute?: (params: number[]) => string;
  maxParams?: number;
}

/** A line to process: its code tokens (no comment, no newline) and where its text lives. */
interface Line {
  tokens: IToken[];
  comments: IToken[];
  source: SourceFile;
  /** for text that does not stand in the file (sequence items, definition lines): where it came from */
  virtual?: { loc: Loc; start: number; end: number; origin: Origin };
  /** the tokens are not the file's text as written (made by substitution or for a virtual line) */
  synthetic?: boolean;
}

const INCLUDE_RE = /^include[rmwba]?$/;

/** A `$` in any token of a line (a parameter may be used). */
function hasDollar(tokens: readonly IToken[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.image.includes('$')) return true;
  return false;
}

/** About how many characters the lexer takes at a time (lexing a big file at once would keep all its tokens alive). */
const SEGMENT = 16 * 1024;

/**
 * The end of the piece of `text` to lex after `base`: after a newline, and not after a line
 * with a backslash (a `$NAME=` definition continued with `\` is the only token that runs
 * over a line end; every other token ends at its line's end).
 */
function segmentEnd(text: string, base: number): number {
  let nl = base + SEGMENT >= text.length ? -1 : text.indexOf('\n', base + SEGMENT);
  while (nl >= 0) {
    const lineStart = text.lastIndexOf('\n', nl - 1) + 1;
    const bs = text.indexOf('\\', lineStart);
    if (bs < 0 || bs > nl) return nl + 1;
    nl = text.indexOf('\n', nl + 1);
  }
  return text.length;
}

export class Preprocessor {
  private out: TokenSink = { add: () => undefined };
  private readonly diagnostics: Diagnostic[] = [];
  private readonly files: SourceFile[] = [];
  private readonly defs = new Map<string, Definition>();
  private readonly includeStack: string[] = [];

  constructor(private readonly options: PreprocessOptions) {
    const std = (name: string, value: string): void => {
      this.defs.set(name, { name, lines: [value], multiline: false });
    };
    std('_HASH', '#');
    std('_BANG', '!');
    this.defs.set('_PWD', { name: '_PWD', lines: [''], multiline: false, compute: () => this.currentDir() });
    this.defs.set('_INSTANCE', { name: '_INSTANCE', lines: [''], multiline: false, compute: () => '' });
    // keepalived picks a random number; a linter must be repeatable, so it takes the low bound
    this.defs.set('_RANDOM', {
      name: '_RANDOM',
      lines: [''],
      multiline: false,
      maxParams: 2,
      compute: (p) => String(p.length >= 2 ? Math.min(p[0]!, p[1]!) : 0),
    });
  }

  /** Preprocess a file; its tokens go to `sink` as they are made when one is given, else into the result. */
  run(path: string, text: string, sink?: TokenSink): PreprocessResult {
    const tokens: IToken[] = [];
    this.out = sink ?? { add: (t) => tokens.push(t) };
    this.processSource(new SourceFile(path, text));
    return { tokens, diagnostics: this.diagnostics, files: this.files };
  }

  private currentDir(): string {
    const top = this.includeStack[this.includeStack.length - 1];
    return top ? dirname(top) : process.cwd();
  }

  private report(rule: string, severity: 'error' | 'warning' | 'info', message: string, loc: Loc, hint?: string): void {
    this.diagnostics.push(diagnostic(rule, severity, message, loc, hint));
  }

  /** Send tokens out, from index `from` of a list. */
  private emit(tokens: readonly IToken[], from = 0): void {
    for (let i = from; i < tokens.length; i++) this.out.add(tokens[i]!);
  }

  // ---- files -------------------------------------------------------------------------------

  private processSource(src: SourceFile): void {
    this.files.push(src);
    this.includeStack.push(realPath(resolve(src.path)));
    this.checkLongLines(src);
    const text = this.dropAfterNul(src);
    const file = src.path;
    // the tokens of the line being read: the first `count` (one array for every line, never emptied,
    // which would give its room back; each line gets an array of its own size)
    const current: IToken[] = [];
    let count = 0;
    // the lexer tracks offsets only: lines and columns are counted here, in one pass
    let line = 1;
    let lineStart = 0;
    // lexed a piece at a time, so that the tokens of a big file are not all alive at once
    for (let base = 0, end = 0; base < text.length; base = end) {
      end = segmentEnd(text, base);
      const lexed = keepalivedLexer.tokenize(base === 0 && end === text.length ? text : text.slice(base, end));
      const lexedTokens = lexed.tokens;
      for (let k = 0; k < lexedTokens.length; k++) {
        const tok = lexedTokens[k]!;
        if (base !== 0) tok.startOffset += base;
        if (tok.tokenType === Newline) {
          const extra = this.processLine(this.splitComments(current, count, src));
          this.out.add(tok);
          for (let e = 0; e < extra.length; e++) this.processVirtual(extra[e]!, 1);
          count = 0;
          line++;
          lineStart = tok.startOffset + 1;
          continue;
        }
        const image = tok.image;
        const column = tok.startOffset - lineStart + 1;
        // only a definition continued with `\` spans lines
        const lastBreak = tok.tokenType === Definition ? image.lastIndexOf('\n') : -1;
        if (lastBreak < 0) {
          tok.payload = { file, line, column, endLine: line, endColumn: column + image.length } satisfies Loc;
        } else {
          let breaks = 0;
          for (let i = image.indexOf('\n'); i >= 0; i = image.indexOf('\n', i + 1)) breaks++;
          tok.payload = { file, line, column, endLine: line + breaks, endColumn: image.length - lastBreak } satisfies Loc;
          line += breaks;
          lineStart = tok.startOffset + lastBreak + 1;
        }
        current[count++] = tok;
      }
    }
    if (count > 0) {
      const last = current[count - 1]!;
      const extra = this.processLine(this.splitComments(current, count, src));
      this.pushNewline(last);
      for (const l of extra) this.processVirtual(l, 1);
    }
    this.includeStack.pop();
  }

  private checkLongLines(src: SourceFile): void {
    if (src.text.length <= KEEPALIVED_MAX_LINE) return;
    for (let line = 1; line <= src.lineCount; line++) {
      const next = src.lineStarts[line] ?? src.text.length + 1;
      if (next - src.lineStarts[line - 1]! <= KEEPALIVED_MAX_LINE) continue;
      const bytes = Buffer.byteLength(src.lineText(line));
      if (bytes > KEEPALIVED_MAX_LINE) {
        this.report(
          'syntax/line-too-long',
          'warning',
          `line is ${bytes} bytes long; keepalived reads at most ${KEEPALIVED_MAX_LINE} bytes of a line and takes the rest as a new line`,
          { file: src.path, line, column: KEEPALIVED_MAX_LINE + 1, endLine: line, endColumn: src.lineText(line).length + 1 },
          'split the value over several lines, or shorten it (a parameter definition can hold a long value)',
        );
      }
    }
  }

  /**
   * keepalived reads a line as a C string: a NUL byte ends it and the rest of the line is
   * never seen. The text to lex has that rest blanked (same length, so offsets hold).
   */
  private dropAfterNul(src: SourceFile): string {
    if (!src.text.includes('\0')) return src.text;
    return src.text.replace(/\0[^\n]*/g, (m, offset: number) => {
      const p = src.position(offset);
      this.report(
        'syntax/nul-byte',
        'error',
        'NUL byte: keepalived stops reading the line here and ignores the rest of it (is this a binary file?)',
        { file: src.path, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + m.length },
        'remove the NUL byte; a config file must be text',
      );
      return ' '.repeat(m.length);
    });
  }

  /** The line of the first `count` tokens: its code, and its comment (from the first comment on). */
  private splitComments(tokens: IToken[], count: number, source: SourceFile): Line {
    let i = 0;
    while (i < count && tokens[i]!.tokenType !== Comment) i++;
    return { tokens: i === 0 ? NONE : tokens.slice(0, i), comments: i === count ? NONE : tokens.slice(i, count), source };
  }

  private pushNewline(after: IToken): void {
    this.out.add(this.synthetic(Newline, '\n', tokenLoc(after), tokenStart(after), tokenEnd(after)));
  }

  private synthetic(type: TokenType, image: string, loc: Loc, start: number, end: number, extra?: Omit<TokenPayload, 'loc'>): IToken {
    const t = createTokenInstance(type, image, start, end - 1, loc.line, loc.endLine, loc.column, loc.endColumn - 1);
    t.payload = { loc, ...extra } satisfies TokenPayload;
    return t;
  }

  // ---- lines -------------------------------------------------------------------------------

  /**
   * Process one line as keepalived's read_line does, pushing its tokens (not its newline).
   * Returns the lines a multi-line parameter used on it adds after it.
   */
  private processLine(line: Line, depth = 0): Line[] {
    const { comments } = line;
    let tokens = line.tokens;
    if (tokens.length === 0) {
      this.emit(comments);
      return NO_LINES;
    }
    const first = tokens[0]!;
    if (first.tokenType === Conditional) {
      const condition = this.condition(first);
      first.payload = { ...payloadOf(first), condition } satisfies TokenPayload;
      this.out.add(first);
      tokens = tokens.slice(1);
      if (tokens.length > 0 && !condition.selected && this.options.mode === 'expanded') {
        this.pushInactive(tokens, line);
        this.emit(comments);
        return NO_LINES;
      }
      if (tokens.length === 0) {
        this.emit(comments);
        return NO_LINES;
      }
    }
    const head = tokens[0]!;
    if (head.tokenType === Definition) {
      this.out.add(head);
      if (this.options.mode === 'expanded') this.define(head);
      this.emit(tokens, 1);
      this.emit(comments);
      return NO_LINES;
    }
    if (head.tokenType === Seq) {
      this.out.add(head);
      this.emit(comments);
      if (this.options.mode === 'expanded') this.expandSeq(head, line, depth);
      return NO_LINES;
    }
    let extra: Line[] = NO_LINES;
    if (this.options.mode === 'expanded' && hasDollar(tokens)) {
      const sub = this.substitute({ ...line, tokens });
      if (sub) {
        extra = sub.extra;
        const t0 = sub.line.tokens[0];
        if (t0 && (t0.tokenType === Conditional || t0.tokenType === Definition || t0.tokenType === Seq)) {
          // substituted text that starts with @NAME, $NAME= or ~SEQ is read as such
          return [...this.processLine({ ...sub.line, comments }, depth + 1), ...extra];
        }
        tokens = sub.line.tokens;
      }
    }
    if (tokens.length > 1 && tokens[0]!.tokenType === Word && INCLUDE_RE.test(tokens[0]!.image)) {
      this.include(tokens, line, comments);
    } else {
      this.emit(tokens);
      this.emit(comments);
    }
    return extra;
  }

  /** A line made by the preprocessor: pushed with a newline of its own, then the lines it adds. */
  private processVirtual(line: Line, depth: number): void {
    if (depth > 64) {
      this.report(
        'syntax/parameter-recursion',
        'error',
        'parameters and sequences nest more than 64 levels deep here; keepalived would loop or run out of line space',
        line.virtual!.loc,
        'check the definitions used on this line for one that refers to itself',
      );
      return;
    }
    const extra = this.processLine(line, depth);
    const v = line.virtual!;
    this.out.add(this.synthetic(Newline, '\n', v.loc, v.start, v.end));
    for (const l of extra) this.processVirtual(l, depth + 1);
  }

  private pushInactive(tokens: IToken[], line: Line): void {
    const first = tokens[0]!;
    const last = tokens[tokens.length - 1]!;
    const a = { loc: tokenLoc(first) };
    const b = { loc: tokenLoc(last) };
    const image = line.synthetic ? tokens.map((t) => t.image).join(' ') : line.source.text.slice(tokenStart(first), tokenEnd(last));
    const loc = { file: a.loc.file, line: a.loc.line, column: a.loc.column, endLine: b.loc.endLine, endColumn: b.loc.endColumn };
    this.out.add(this.synthetic(Inactive, image, loc, tokenStart(first), tokenEnd(last), { words: tokens }));
  }

  private condition(tok: IToken): Condition {
    const negate = tok.image.startsWith('@^');
    const name = tok.image.slice(negate ? 2 : 1);
    const host = this.options.host;
    const matches = host !== undefined && host === name;
    return { name, negate, selected: matches !== negate, loc: tokenLoc(tok) };
  }

  // ---- definitions ---------------------------------------------------------------------------

  private define(tok: IToken): void {
    const image = tok.image;
    const eq = image.indexOf('=');
    const name = image.slice(1, eq);
    const physical = image.slice(eq + 1).split('\n');
    const lines: string[] = [];
    let multiline = false;
    physical.forEach((raw, i) => {
      let text = decomment(raw);
      if (i === 0) text = text.replace(/^[ \t]+/, '');
      if (text === '' && i > 0) return; // comment-only lines inside a definition are skipped
      if (text.endsWith('\\')) {
        multiline = true;
        text = text.slice(0, -1).replace(/[ \t]+$/, '');
      }
      if (text !== '' || i === 0) lines.push(text);
    });
    if (lines.length > 1 && lines[0] === '') lines.shift();
    this.defs.set(name, { name, lines, multiline: multiline && lines.length > 0, loc: tokenLoc(tok) });
  }

  /**
   * Replace `$NAME` / `${NAME}` in a line as keepalived's replace_param does: on the text of
   * the line, rescanning replaced text, until nothing more is replaced. Returns the new line
   * (re-lexed, each token mapped back to the source) and, for a multi-line definition used
   * at the end of the line, the lines that follow it.
   */
  private substitute(line: Line): { line: Line; extra: Line[] } | undefined {
    const first = { start: tokenStart(line.tokens[0]!) };
    const last = { end: tokenEnd(line.tokens[line.tokens.length - 1]!) };
    let text: string;
    let spans: Array<[number, number]>;
    if (line.synthetic) {
      text = '';
      spans = [];
      for (const t of line.tokens) {
        if (text !== '') {
          text += ' ';
          spans.push(spans[spans.length - 1]!);
        }
        const start = tokenStart(t);
        const end = tokenEnd(t);
        text += t.image;
        for (let k = 0; k < t.image.length; k++) spans.push([start, end]);
      }
    } else {
      text = line.source.text.slice(first.start, last.end);
      spans = Array.from(text, (_, i) => [first.start + i, first.start + i + 1] as [number, number]);
    }
    const extra: string[] = [];
    let extraSpan: [number, number] | undefined;
    let extraOrigin: Origin | undefined;
    let origin: Origin | undefined;
    let changed = false;
    let runaway = false;
    let rounds = 0;
    let pos = 0;
    for (;;) {
      pos = text.indexOf('$', pos);
      if (pos < 0 || pos + 1 >= text.length) break;
      const ref = this.findReference(text, pos);
      if (!ref) {
        pos++;
        continue;
      }
      if (++rounds > MAX_SUBSTITUTIONS || text.length > 4 * KEEPALIVED_MAX_LINE) {
        this.report(
          'syntax/parameter-recursion',
          'error',
          `parameter $${ref.def.name} keeps expanding: a definition refers to itself`,
          this.locOfSpan(line, [spans[pos]![0], spans[ref.end - 1]![1]]),
          'a definition must not use itself, directly or through other definitions',
        );
        runaway = true;
        break;
      }
      changed = true;
      const def = ref.def;
      const value = def.compute ? def.compute(ref.params) : def.lines[0]!;
      // the origin is the parameter written on the line, not those its value refers to
      origin ??= def.loc ? { kind: 'parameter', name: def.name, definedAt: def.loc } : { kind: 'parameter', name: def.name };
      if (def.multiline) {
        extra.unshift(...def.lines.slice(1));
        extraSpan = [spans[pos]![0], spans[ref.end - 1]![1]];
        extraOrigin ??= origin;
      }
      const span: [number, number] = [spans[pos]![0], spans[ref.end - 1]![1]];
      text = text.slice(0, pos) + value + text.slice(ref.end);
      spans.splice(pos, ref.end - pos, ...Array.from(value, () => span));
      if (value.trimStart().startsWith('~')) break;
    }
    if (!changed) {
      this.checkUnsubstituted(line, text, spans);
      return undefined;
    }
    const cleaned = decommentWithSpans(text, spans);
    if (cleaned.text.length > KEEPALIVED_MAX_LINE) {
      this.report(
        'syntax/line-too-long',
        'error',
        `after parameter substitution this line is ${cleaned.text.length} characters long; keepalived stops substituting beyond ${KEEPALIVED_MAX_LINE}`,
        this.locOfSpan(line, [first.start, last.end]),
        'shorten the parameter values used on this line',
      );
    }
    if (!runaway) this.checkUnsubstituted(line, cleaned.text, cleaned.spans);
    const tokens = this.lexMapped(cleaned.text, cleaned.spans, line, origin);
    const result: Line = { tokens, comments: [], source: line.source, virtual: line.virtual, synthetic: true };
    const extraLines = extra.map((t) => this.virtualLine(t, line, extraSpan!, extraOrigin!));
    return { line: result, extra: extraLines };
  }

  /** Find a definition referenced at `text[pos] === '$'`, with keepalived's rules for where a name ends. */
  private findReference(text: string, pos: number): { def: Definition; end: number; params: number[] } | undefined {
    let i = pos + 1;
    const braces = text[i] === '{';
    if (braces) i++;
    const nameStart = i;
    if (!/[A-Za-z_]/.test(text[i] ?? '')) return undefined;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
    const name = text.slice(nameStart, i);
    let params: number[] = [];
    if (braces) {
      const m = /^((?: *[0-9]+)*)\}/.exec(text.slice(i));
      if (!m) return undefined;
      if (m[1]!.trim() !== '') {
        if (/ $/.test(m[1]!)) return undefined;
        params = m[1]!.trim().split(/ +/).map(Number);
      }
      i += m[0].length;
    } else if (i < text.length && !' \t,)'.includes(text[i]!)) return undefined;
    const def = this.defs.get(name);
    if (!def) return undefined;
    const endsLine = i >= text.length;
    if (def.multiline && !endsLine) return undefined;
    if (params.length > 0 && !def.maxParams) return undefined;
    return { def, end: i, params };
  }

  /** Report `$NAME` references that keepalived leaves as they are. */
  private checkUnsubstituted(line: Line, text: string, spans: Array<[number, number]>): void {
    const re = /\$(\{)?([A-Za-z_][A-Za-z0-9_]*)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[2]!;
      const loc = this.locOfSpan(line, [spans[m.index]![0], spans[m.index + m[0].length - 1]![1]]);
      const def = this.defs.get(name);
      if (!def) {
        this.report(
          'syntax/unknown-parameter',
          'warning',
          `parameter $${name} is not defined; keepalived keeps the text "${m[0]}${m[1] ? '}' : ''}" as it is`,
          loc,
          `define it before this line with $${name}=value, or escape the $ if the text is meant literally`,
        );
      } else if (def.multiline) {
        this.report(
          'syntax/unknown-parameter',
          'warning',
          `multi-line parameter $${name} is only substituted at the end of a line; keepalived keeps "${m[0]}" as it is here`,
          loc,
          `move $${name} to the end of the line`,
        );
      } else {
        this.report(
          'syntax/unknown-parameter',
          'warning',
          `parameter $${name} is not substituted here because of the character after its name; keepalived keeps "${m[0]}" as it is`,
          loc,
          `write \${${name}} to mark where the name ends`,
        );
      }
    }
  }

  private lexMapped(text: string, spans: Array<[number, number]>, line: Line, origin: Origin | undefined): IToken[] {
    const lexed = keepalivedLexer.tokenize(text);
    const out: IToken[] = [];
    for (const tok of lexed.tokens) {
      if (tok.tokenType === Newline) continue;
      const last = tok.startOffset + tok.image.length - 1;
      const s = spans[tok.startOffset]!;
      const e = spans[last]!;
      const start = Math.min(s[0], e[0]);
      const end = Math.max(s[1], e[1]);
      const loc = this.locOfSpan(line, [start, end]);
      const fromParam = spans.slice(tok.startOffset, last + 1).some(([a, b]) => b - a !== 1);
      const t = createTokenInstance(tok.tokenType, tok.image, start, end - 1, loc.line, loc.endLine, loc.column, loc.endColumn - 1);
      const from = line.virtual ? line.virtual.origin : fromParam ? origin : undefined;
      t.payload = from ? ({ loc, origin: from } satisfies TokenPayload) : loc;
      out.push(t);
    }
    return out;
  }

  private locOfSpan(line: Line, [start, end]: [number, number]): Loc {
    if (line.virtual && (start < 0 || end > line.source.text.length)) return line.virtual.loc;
    const a = line.source.position(start);
    const b = line.source.position(end);
    return { file: line.source.path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** A line of text that the preprocessor made, located at `span` of the source. */
  private virtualLine(text: string, from: Line, span: [number, number], origin: Origin): Line {
    const loc = this.locOfSpan(from, span);
    const virtual = { loc, start: span[0], end: span[1], origin };
    const lexed = keepalivedLexer.tokenize(text);
    const tokens: IToken[] = [];
    for (const tok of lexed.tokens) {
      if (tok.tokenType === Newline) continue;
      // the token stands for the whole span of the source that made the line
      tok.startOffset = span[0];
      tok.endOffset = span[1] - 1;
      tok.payload = { loc, origin } satisfies TokenPayload;
      tokens.push(tok);
    }
    const ci = tokens.findIndex((t) => t.tokenType === Comment);
    const code = ci < 0 ? tokens : tokens.slice(0, ci);
    return { tokens: code, comments: [], source: from.source, virtual, synthetic: true };
  }

  // ---- ~SEQ / ~LST ---------------------------------------------------------------------------

  private expandSeq(tok: IToken, line: Line, depth: number): void {
    const p = payloadOf(tok);
    const spec = parseSeq(this.substituteText(tok.image));
    if ('error' in spec) {
      this.report('syntax/invalid-seq', 'error', spec.error, p.loc, 'write ~SEQ(VAR, END), ~SEQ(VAR, START, END) or ~SEQ(VAR, START, STEP, END), or ~LST(VAR, V1, V2, ...)');
      return;
    }
    if (spec.items.length > MAX_SEQ_ITEMS) {
      this.report('syntax/invalid-seq', 'error', `this sequence has ${spec.items.length} items; kaconf expands at most ${MAX_SEQ_ITEMS}`, p.loc);
      return;
    }
    const span: [number, number] = [tokenStart(tok), tokenEnd(tok)];
    for (const values of spec.items) {
      spec.vars.forEach((name, i) => this.defs.set(name, { name, lines: [values[i] ?? ''], multiline: false, loc: p.loc }));
      const origin: Origin = { kind: 'seq', name: spec.vars.join(','), definedAt: p.loc };
      this.processVirtual(this.virtualLine(spec.text, line, span, origin), depth + 1);
    }
  }

  /** Substitute simple parameters in a piece of text (for ~SEQ bounds). */
  private substituteText(text: string): string {
    let out = text;
    for (let guard = 0; guard < MAX_SUBSTITUTIONS; guard++) {
      const pos = out.search(/\$[{A-Za-z_]/);
      let found = false;
      for (let at = pos; at >= 0; at = out.indexOf('$', at + 1)) {
        const ref = this.findReference(out, at);
        if (ref && !ref.def.multiline) {
          out = out.slice(0, at) + (ref.def.compute ? ref.def.compute(ref.params) : ref.def.lines[0]!) + out.slice(ref.end);
          found = true;
          break;
        }
      }
      if (!found) break;
    }
    return out;
  }

  // ---- include -------------------------------------------------------------------------------

  private include(tokens: IToken[], line: Line, comments: IToken[]): void {
    const a = payloadOf(tokens[0]!);
    const b = payloadOf(tokens[tokens.length - 1]!);
    const patternStart = payloadOf(tokens[1]!);
    const start = tokenStart(tokens[0]!);
    const end = tokenEnd(tokens[tokens.length - 1]!);
    // the pattern is the rest of the line as written (keepalived does not split it into words)
    const pattern = line.synthetic || patternStart.origin
      ? tokens.slice(1).map((t) => t.image).join(' ')
      : line.source.text.slice(tokenStart(tokens[1]!), end);
    const loc: Loc = { file: a.loc.file, line: a.loc.line, column: a.loc.column, endLine: b.loc.endLine, endColumn: b.loc.endColumn };
    // the files are looked up before the token goes out: the parser may read it at once
    const files = this.options.mode === 'expanded' ? this.globInclude(pattern, dirname(resolve(line.source.path)), loc) : [];
    const tok = this.synthetic(Include, `${tokens[0]!.image} ${pattern}`, loc, start, end, {
      pattern,
      files,
      ...(a.origin ? { origin: a.origin } : {}),
    });
    this.out.add(tok);
    this.emit(comments);
    if (this.options.mode !== 'expanded') return;
    for (const file of files) {
      const real = realPath(file);
      if (this.includeStack.includes(real)) {
        const chain = [...this.includeStack.slice(this.includeStack.indexOf(real)), real].map(displayPath).join(' -> ');
        this.report('syntax/include-cycle', 'error', `include cycle: ${chain}`, loc, 'remove the include that leads back to a file already being read');
        continue;
      }
      if (this.includeStack.length > 64) {
        this.report('syntax/include-cycle', 'error', 'includes nest more than 64 files deep', loc);
        continue;
      }
      const read = readSource(file);
      if (!read.ok) {
        this.report('syntax/include-missing', 'error', `cannot read included file ${displayPath(file)}: ${read.reason}`, loc, 'fix the path or the file permissions');
        continue;
      }
      this.pushNewline(tok);
      this.processSource(new SourceFile(file, read.text));
    }
  }

  private globInclude(pattern: string, baseDir: string, loc: Loc): string[] {
    const hasMagic = /[*?[{]/.test(pattern);
    const absolute = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
    if (!hasMagic) {
      const read = readSource(absolute);
      if (!read.ok && read.reason === 'no such file') {
        this.report(
          'syntax/include-missing',
          'error',
          `included file ${pattern} does not exist${isAbsolute(pattern) ? '' : ` (looked in ${baseDir})`}`,
          loc,
          'fix the path; relative paths are taken from the directory of the file that includes them',
        );
        return [];
      }
      return [absolute];
    }
    let matches: string[] = [];
    try {
      matches = globSync(absolute, { absolute: true, onlyFiles: true, expandDirectories: false, dot: false });
    } catch {
      matches = [];
    }
    matches.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    if (matches.length === 0) {
      const dir = absolute.slice(0, absolute.search(/[*?[{]/)).replace(/[^/]*$/, '');
      const dirRead = readSource(dir);
      const dirOk = !dirRead.ok && dirRead.reason === 'is a directory';
      if (!dirOk) {
        this.report('syntax/include-missing', 'error', `no files match ${pattern}: directory ${dir} does not exist`, loc, 'fix the path of the include');
      } else {
        this.report('syntax/include-empty', 'info', `no files match ${pattern}`, loc);
      }
    }
    return matches;
  }
}

/** A path as users want to read it: relative to the working directory when below it. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

/** keepalived's decomment: cut a comment (outside quotes), unescape \! and \#, trim. */
export function decomment(raw: string): string {
  return decommentWithSpans(raw, Array.from(raw, () => [0, 0] as [number, number])).text;
}

function decommentWithSpans(raw: string, spans: Array<[number, number]>): { text: string; spans: Array<[number, number]> } {
  let out = '';
  const outSpans: Array<[number, number]> = [];
  let quote = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') quote = !quote;
    else if (c === '\\' && i + 1 < raw.length) {
      const n = raw[i + 1]!;
      if (!quote && (n === '#' || n === '!')) {
        out += '\\' + n;
        outSpans.push(spans[i]!, spans[i + 1]!);
        i++;
        continue;
      }
      out += c + n;
      outSpans.push(spans[i]!, spans[i + 1]!);
      i++;
      continue;
    } else if (!quote && (c === '!' || c === '#')) break;
    out += c;
    outSpans.push(spans[i]!);
  }
  let start = 0;
  while (start < out.length && (out[start] === ' ' || out[start] === '\t')) start++;
  let end = out.length;
  while (end > start && (out[end - 1] === ' ' || out[end - 1] === '\t' || out[end - 1] === '\r')) end--;
  return { text: out.slice(start, end), spans: outSpans.slice(start, end) };
}

interface SeqSpec {
  vars: string[];
  items: string[][];
  text: string;
}

/** Parse `~SEQ(var, [start,] [step,] end) text`, `~SEQx(...)` or `~LST(...)`. */
export function parseSeq(line: string): SeqSpec | { error: string } {
  if (line.startsWith('~LST')) return parseLst(line);
  const hex = line.startsWith('~SEQx');
  const open = line.indexOf('(');
  const close = line.indexOf(')', open);
  if (open < 0 || close < 0) return { error: `invalid ~SEQ: missing parentheses in "${line}"` };
  const parts = line.slice(open + 1, close).split(',').map((s) => s.trim());
  const name = parts[0] ?? '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || parts.length < 2 || parts.length > 4) {
    return { error: `invalid ~SEQ "${line.slice(0, close + 1)}": it takes a variable name and one to three numbers` };
  }
  const nums = parts.slice(1).map(parseCInt);
  if (nums.some((n) => n === undefined)) return { error: `invalid ~SEQ "${line.slice(0, close + 1)}": the bounds must be integers` };
  const n = nums as number[];
  let start: number, step: number, end: number;
  if (n.length === 1) {
    end = n[0]!;
    step = end < 1 ? -1 : 1;
    start = end < 0 ? -1 : 1;
  } else if (n.length === 2) {
    [start, end] = n as [number, number];
    step = start <= end ? 1 : -1;
  } else {
    [start, step, end] = n as [number, number, number];
    if (step === 0 || (start < end && step < 0) || (start > end && step > 0)) {
      return { error: `invalid ~SEQ values in "${line.slice(0, close + 1)}": the step never reaches the end` };
    }
  }
  if (hex && (start < 0 || end < 0)) return { error: `~SEQx only takes positive numbers: "${line.slice(0, close + 1)}"` };
  const items: string[][] = [];
  for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
    items.push([hex ? v.toString(16) : String(v)]);
    if (items.length > MAX_SEQ_ITEMS) break;
  }
  return { vars: [name], items, text: line.slice(close + 1).trim() };
}

function parseCInt(s: string): number | undefined {
  const m = /^([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  const v = /^0x/i.test(body) ? parseInt(body, 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : parseInt(body, 10);
  return m[1] === '-' ? -v : v;
}

/** `~LST(var, v1, v2)` or `~LST({a, b}, {1, 2}, {3, 4})`. */
function parseLst(line: string): SeqSpec | { error: string } {
  const open = line.indexOf('(');
  if (open < 0) return { error: `invalid ~LST: missing "(" in "${line}"` };
  let i = open + 1;
  const skip = (): void => {
    while (line[i] === ' ' || line[i] === '\t') i++;
  };
  const readGroup = (stops: string): string[] | undefined => {
    skip();
    if (line[i] === '{') {
      i++;
      const out: string[] = [];
      for (;;) {
        skip();
        const m = /^[^ \t,}]*/.exec(line.slice(i))![0];
        out.push(m);
        i += m.length;
        skip();
        if (line[i] === '}') {
          i++;
          return out;
        }
        if (line[i] !== ',') return undefined;
        i++;
      }
    }
    const m = new RegExp(`^[^ \\t${stops}]*`).exec(line.slice(i))![0];
    i += m.length;
    return [m];
  };
  const vars = readGroup(',})');
  if (!vars || vars.some((v) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v))) return { error: `invalid ~LST variables in "${line}"` };
  const items: string[][] = [];
  for (;;) {
    skip();
    if (line[i] === ')') break;
    if (line[i] !== ',') return { error: `invalid ~LST "${line}": expected "," or ")"` };
    i++;
    const values = readGroup(',)');
    if (!values) return { error: `invalid ~LST values in "${line}"` };
    if (values.length > vars.length) return { error: `~LST has more values in a group than variables: "${line}"` };
    items.push(values);
  }
  if (items.length === 0) return { error: `~LST has no values: "${line}"` };
  return { vars, items, text: line.slice(i + 1).trim() };
}
