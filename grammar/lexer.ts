/**
 * Tokens of keepalived.conf as keepalived 2.2/2.3 reads it (lib/parser.c: read_line,
 * decomment, alloc_strvec_r). The lexer knows nothing of keywords' meanings.
 *
 * - a statement ends at the end of its line; `{` and `}` are tokens of their own wherever
 *   they stand outside quotes (keepalived splits a line at each of them);
 * - `!` or `#` outside quotes starts a comment that runs to the end of the line, also in the
 *   middle of a word; `\!` and `\#` are a literal `!` / `#`;
 * - `"…"` is one word (no escapes inside; the quotes are not part of the value);
 * - at the start of a line: `@NAME` / `@^NAME` (a conditional line), `$NAME=value`
 *   (a parameter definition, continued on the next lines while a line ends with `\`) and
 *   `~SEQ(…)` / `~SEQx(…)` / `~LST(…)` (a repeated line) are tokens of their own.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type ILexerConfig, type IToken, type TokenType } from 'chevrotain';

/** True when only blanks (or a conditional prefix, when allowed) stand before `offset` on its line. */
function atLineStart(text: string, offset: number, allowConditional: boolean): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f' || text[i] === '\v' || text[i] === '\r')) i--;
  if (i < 0 || text[i] === '\n') return true;
  if (!allowConditional) return false;
  // a conditional prefix "@name" or "@^name" directly before the blanks
  let j = i;
  while (j >= 0 && !/\s/.test(text[j]!)) j--;
  if (text[j + 1] !== '@' || j + 1 === i) return false;
  if (j + 2 === i && text[j + 2] === '^') return false;
  return atLineStart(text, j + 1, false);
}

function matchAt(re: RegExp, text: string, offset: number): RegExpExecArray | null {
  re.lastIndex = offset;
  return re.exec(text);
}

/** Index just past the comment-free content of the line starting at `start`, and the line's end. */
function lineContentEnd(text: string, start: number): { content: number; eol: number } {
  let quote = false;
  let i = start;
  let content = -1;
  for (; i < text.length && text[i] !== '\n'; i++) {
    const c = text[i];
    if (c === '"') quote = !quote;
    else if (c === '\\' && i + 1 < text.length && text[i + 1] !== '\n') i++;
    else if (!quote && (c === '!' || c === '#') && content < 0) content = i;
  }
  return { content: content < 0 ? i : content, eol: i };
}

const conditionalRe = /@\^?[^ \t\n\r\f\v]*/y;
const matchConditional: CustomPatternMatcherFunc = (text, offset) =>
  text.charCodeAt(offset) === 64 /* @ */ && atLineStart(text, offset, false) ? matchAt(conditionalRe, text, offset) : null;

const definitionHeadRe = /\$[A-Za-z_][A-Za-z0-9_]*=/y;
/** `$NAME=value`, swallowing continuation lines (a line whose content ends with `\`). */
const matchDefinition: CustomPatternMatcherFunc = (text, offset) => {
  if (text.charCodeAt(offset) !== 36 /* $ */ || !atLineStart(text, offset, true)) return null;
  if (!matchAt(definitionHeadRe, text, offset)) return null;
  let start = offset;
  let end: number;
  for (;;) {
    const { content, eol } = lineContentEnd(text, start);
    end = eol;
    const body = text.slice(start, content).replace(/[ \t\r]+$/, '');
    if (!body.endsWith('\\') || eol >= text.length) break;
    // a blank next line ends a multi-line definition
    const next = lineContentEnd(text, eol + 1);
    if (text.slice(eol + 1, next.eol).trim() === '') break;
    start = eol + 1;
  }
  if (end > offset && text[end - 1] === '\r') end--;
  const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
  return m;
};

const seqRe = /~(?:SEQx?|LST)[ \t]*\(/y;
/** `~SEQ(var, start, step, end) text`: the whole line but its comment. */
const matchSeq: CustomPatternMatcherFunc = (text, offset) => {
  if (text.charCodeAt(offset) !== 126 /* ~ */ || !atLineStart(text, offset, true)) return null;
  if (!matchAt(seqRe, text, offset)) return null;
  const { content } = lineContentEnd(text, offset);
  const value = text.slice(offset, content).replace(/[ \t\r]+$/, '');
  return [value] as unknown as RegExpExecArray;
};

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v\r]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /[!#][^\n]*/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Quoted = createToken({ name: 'Quoted', pattern: /"[^"\n]*"/ });
export const UnterminatedQuoted = createToken({ name: 'UnterminatedQuoted', pattern: /"[^"\n]*/ });
export const Conditional = createToken({
  name: 'Conditional',
  pattern: { exec: matchConditional },
  start_chars_hint: ['@'],
  line_breaks: false,
});
export const Definition = createToken({
  name: 'Definition',
  pattern: { exec: matchDefinition },
  start_chars_hint: ['$'],
  line_breaks: true,
});
export const Seq = createToken({ name: 'Seq', pattern: { exec: matchSeq }, start_chars_hint: ['~'], line_breaks: false });
/**
 * Any run of characters that is not blank, a brace, a quote or a comment start; `\x` escapes x;
 * `${NAME}` (and `${NAME 1 10}`, parameters of a built-in definition) stays inside the word.
 */
export const Word = createToken({
  name: 'Word',
  // blanks are ASCII only, as for keepalived: other characters (a no-break space) are part of a word
  pattern: /(?:[^ \t\n\r\f\v{}"!#\\$]|\\[^ \t\n\r\f\v]?|\$\{[A-Za-z_][A-Za-z0-9_]*(?: +[0-9]+)*\}|\$)+/,
  // every UTF-16 code unit a word can start with: Chevrotain cannot work this out from a
  // negated set, and without it the lexer tries every pattern at every position
  start_chars_hint: wordStartChars(),
});

function wordStartChars(): number[] {
  const not = new Set([' ', '\t', '\n', '\r', '\f', '\v', '{', '}', '"', '!', '#'].map((c) => c.charCodeAt(0)));
  const out: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (!not.has(c)) out.push(c);
  return out;
}

/**
 * Tokens made by the preprocessor, never by the lexer: a whole include line, and a line
 * that a conditional prefix switched off (kept so the AST can record it).
 */
export const Include = createToken({ name: 'Include', pattern: Lexer.NA });
export const Inactive = createToken({ name: 'Inactive', pattern: Lexer.NA });

/** Order matters: the first pattern that matches wins (the most frequent first). */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Newline,
  Comment,
  LBrace,
  RBrace,
  Quoted,
  UnterminatedQuoted,
  Conditional,
  Definition,
  Seq,
  Word,
  Include,
  Inactive,
];

export const LEXER_CONFIG: ILexerConfig = {
  // offsets only: src/syntax/preprocess.ts counts lines and columns as it places each token
  positionTracking: 'onlyOffset',
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ['\n'],
  // the first-char optimisation must hold (see Word's start_chars_hint): a lexer that tries
  // every pattern at every position is several times slower
  ensureOptimizations: true,
};

/**
 * The lexer kaconf runs. The token definitions are fixed, so their validation is left to
 * the tests (test/syntax/grammar.test.ts builds a lexer with it): it costs every start-up.
 */
export const keepalivedLexer = new Lexer(allTokens, { ...LEXER_CONFIG, skipValidations: true });

export type Token = IToken;
