/**
 * keepalived.conf (as written) ⇄ the Document with everything a user wrote: the typed values
 * of src/model/build.ts, plus what a config holds besides values, so that nothing is lost.
 *
 * In the Document:
 * - conditional lines: the key carries the prefix — `"@lb1 priority": 150`; a conditional
 *   line of a list block is an item with `"@if": "lb1"` (`"^lb1"` for `@^lb1`);
 * - `$NAME=value` definitions, `~SEQ`/`~LST` lines and `include` lines: keys `$NAME`, `~SEQ`,
 *   `include` (an array when repeated) whose value is the line as written;
 * - keywords kaconf does not know: a string of their words as written (`true` without words),
 *   blocks as objects (`"$args"` holds words before `{`);
 * - values kaconf cannot read: `{"$raw": "words as written"}`.
 * Beside the Document, `trivia` keeps comments (with `!`/`#`), blank lines and which values
 * were in double quotes, by JSON pointer; YAML carries them, JSON does not.
 * Comments and blank lines before the first of several blocks of one keyword sit on the keyword.
 */
import { diagnostic, type Diagnostic, type Loc } from '../diagnostics.js';
import type { BlockNode, CommentNode, DirectiveNode, Node, StatementNode } from '../syntax/ast.js';
import { ModelBuilder, pointerJoin, type Document } from './build.js';
import { codecFields, type Word } from './codecs.js';
import { DEFAULT_VERSION, parseVersion } from './versions.js';
import { vocabulary, type BlockSpec, type KeywordSpec } from './vocabulary.js';
import { WordWriter } from './words.js';

export interface TriviaEntry {
  /** own-line comments (marker included) and blank lines ('') before the statement */
  before?: string[];
  /** a blank line before the statement (and before its comments) */
  blank?: boolean;
  /** a comment on the statement's line (for a block: on the `{` line) */
  inline?: string;
  /** a comment on the `}` line of a block */
  close?: string;
  /** comments and blank lines ('') after the last statement of a block (or of the file) */
  end?: string[];
  /** the value was written in double quotes */
  quoted?: boolean;
}

export type TriviaMap = Map<string, TriviaEntry>;

export interface LosslessDocument {
  document: Document;
  trivia: TriviaMap;
  /** pointers of list blocks whose items are one line each (YAML writes their items on one line) */
  lines?: Set<string>;
}

const vocab = (): ReturnType<typeof vocabulary> => vocabulary(codecFields);
const PREPROCESSOR_KEY = /^(\$[A-Za-z_][A-Za-z0-9_]*|~SEQx?|~LST|include[rmwba]?)$/;
const CONDITION = /^@(\^?)([^\s]*) (.+)$/;

function trivia(map: TriviaMap, pointer: string): TriviaEntry {
  let e = map.get(pointer);
  if (!e) map.set(pointer, (e = {}));
  return e;
}

/** The words after a keyword as written: quoted words keep their quotes. */
function rawArgs(n: StatementNode): string {
  return n.args.map((a, i) => (n.quoted?.includes(i) ? `"${a}"` : a.replace(/([#!])/g, '\\$1'))).join(' ');
}

function conditionKey(n: StatementNode, keyword: string): string {
  return n.condition ? `@${n.condition.negate ? '^' : ''}${n.condition.name} ${keyword}` : keyword;
}

function wordsOf(n: StatementNode, withKeyword = false): Word[] {
  const ws = n.args.map((text, i) => {
    const w: Word = { text, loc: n.argLocs[i] ?? n.loc };
    if (n.quoted?.includes(i)) w.quoted = true;
    return w;
  });
  return withKeyword ? [{ text: n.keyword, loc: n.keywordLoc }, ...ws] : ws;
}

// ---- conf → Document --------------------------------------------------------------------------

/**
 * The comments and blank lines of one block body, given to the statements they stand before:
 * own-line comments (with the blank lines among them) go `before` the next statement, a comment
 * on a statement's line is its `inline` one (on a block's `}` line: its `close` one), and what
 * follows the last statement is the block's `end`.
 */
class BodyTrivia {
  private pending: string[] = [];
  private groupBlank = false;
  private prevEnd: Loc | undefined;
  private last: { pointer: string; isBlock: boolean } | undefined;

  constructor(
    private readonly map: TriviaMap,
    private readonly pointer: string,
    private readonly block: BlockNode | undefined,
  ) {
    this.prevEnd = block?.openLoc;
  }

  private blankBefore(n: Node): boolean {
    const p = this.prevEnd;
    return p !== undefined && p.file === n.loc.file && n.loc.line - p.endLine > 1;
  }

  comment(n: CommentNode): void {
    const blank = this.blankBefore(n);
    const text = n.text.replace(/\s+$/, '');
    this.prevEnd = n.loc;
    if (n.inline && this.pending.length === 0) {
      if (this.last) trivia(this.map, this.last.pointer)[this.last.isBlock ? 'close' : 'inline'] = text;
      else if (this.block) trivia(this.map, this.pointer).inline = text;
      return;
    }
    if (blank) {
      if (this.pending.length === 0 && this.last !== undefined) this.groupBlank = true;
      else if (this.pending.length > 0) this.pending.push('');
    }
    this.pending.push(text);
  }

  /** A statement whose leading trivia goes to `target`, its later line comments to `own`. */
  statement(n: StatementNode, target: string | undefined, own?: string): void {
    const blank = this.blankBefore(n);
    if (target !== undefined) {
      const e = trivia(this.map, target);
      if (blank) {
        if (this.pending.length > 0) this.pending.push('');
        else if (this.last !== undefined) e.blank = true;
      }
      if (this.groupBlank) e.blank = true;
      if (this.pending.length > 0) e.before = this.pending;
      this.last = { pointer: own ?? target, isBlock: n.type === 'block' };
    }
    this.pending = [];
    this.groupBlank = false;
    this.prevEnd = n.type === 'block' && n.closeLoc ? n.closeLoc : n.loc;
  }

  /** Later items made from the same line (a word list) take its line comment. */
  sameLine(pointer: string): void {
    this.last = { pointer, isBlock: false };
  }

  finish(): void {
    if (this.pending.length > 0) trivia(this.map, this.pointer).end = this.groupBlank ? ['', ...this.pending] : this.pending;
  }
}

class ToDocument {
  readonly trivia: TriviaMap = new Map();
  readonly problems: Diagnostic[] = [];
  readonly lines = new Set<string>();
  private readonly reader = new ModelBuilder(vocab(), parseVersion(DEFAULT_VERSION)!);

  body(nodes: Node[], spec: BlockSpec | undefined, pointer: string, obj: Document, block?: BlockNode): void {
    const t = new BodyTrivia(this.trivia, pointer, block);
    for (const n of nodes) {
      if (n.type === 'comment') t.comment(n);
      else {
        const target = this.statement(n, spec, pointer, obj);
        t.statement(n, target?.trivia, target?.own);
      }
    }
    t.finish();
  }

  private cannot(n: Node, message: string, hint: string): void {
    this.problems.push(diagnostic('convert/not-representable', 'error', message, n.loc, hint));
  }

  /** Put one statement into `obj`; returns the pointer its trivia goes to. */
  private statement(n: StatementNode, spec: BlockSpec | undefined, pointer: string, obj: Document): { trivia: string; own?: string } | undefined {
    if (n.type === 'directive' && n.preprocessor) {
      const key = conditionKey(n, n.keyword);
      return this.grow(obj, pointer, key, n.args[0] ?? '');
    }
    if (n.keyword === '') {
      this.cannot(n, 'a conditional prefix with nothing after it cannot be converted', 'remove the line or complete it');
      return undefined;
    }
    const ks = spec?.keyword(n.keyword);
    const key = conditionKey(n, n.keyword);
    if (!ks) return this.unknown(n, key, pointer, obj);
    const p = pointerJoin(pointer, key);
    switch (ks.kind) {
      case 'named-block': {
        const name = n.args[0];
        if (n.type !== 'block' || name === undefined || n.args.length > 1) return this.unknown(n, key, pointer, obj);
        const map = (obj[key] ??= {}) as Document;
        const first = Object.keys(map).length === 0;
        const np = pointerJoin(p, name);
        if (Object.prototype.hasOwnProperty.call(map, name)) {
          this.cannot(n, `\`${n.keyword} ${name}\` is defined twice; a Document holds one block per name`, 'remove or rename one of them');
          return undefined;
        }
        if (ks.namedList) {
          const items: unknown[] = [];
          map[name] = items;
          this.listBody(n.body, ks.namedList, np, items, n);
        } else {
          const body: Document = {};
          map[name] = body;
          this.body(n.body, ks.body, np, body, n);
        }
        return { trivia: first ? p : np, own: np };
      }
      case 'keyed-block': {
        if (n.type !== 'block') return this.unknown(n, key, pointer, obj);
        const { value, ok } = this.reader.readBlockKey(n, ks);
        const list = (obj[key] ??= []) as unknown[];
        const ip = pointerJoin(p, list.length);
        const item: Document = ok ? { ...value } : { $raw: rawArgs(n) };
        list.push(item);
        this.body(n.body, ks.body, ip, item, n);
        return { trivia: list.length === 1 ? p : ip, own: ip };
      }
      case 'block': {
        if (n.type !== 'block' || n.args.length > 0) return this.unknown(n, key, pointer, obj);
        const body: Document = {};
        if (ks.repeat) {
          const list = (obj[key] ??= []) as unknown[];
          const ip = pointerJoin(p, list.length);
          list.push(body);
          this.body(n.body, ks.body, ip, body, n);
          return { trivia: list.length === 1 ? p : ip, own: ip };
        }
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          this.cannot(n, `\`${n.keyword}\` is written twice in this block; a Document holds one`, 'merge the two blocks');
          return undefined;
        }
        obj[key] = body;
        this.body(n.body, ks.body, p, body, n);
        return { trivia: p };
      }
      case 'list-block': {
        if (n.type !== 'block' || n.args.length > 0) return this.unknown(n, key, pointer, obj);
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          this.cannot(n, `\`${n.keyword}\` is written twice in this block; a Document holds one list (keepalived joins them)`, 'merge the two blocks into one');
          return undefined;
        }
        const items: unknown[] = [];
        obj[key] = items;
        this.listBody(n.body, ks, p, items, n);
        return { trivia: p };
      }
      default: {
        if (n.type === 'block') return this.unknown(n, key, pointer, obj);
        const { value, ok } = this.reader.readStatementValue(n, ks);
        const v = ok && !n.args.some((a) => a.includes('$')) ? value : { $raw: rawArgs(n) };
        const target = this.put(obj, pointer, key, v, ks.repeat, n);
        if (target && ok && n.quoted?.length) this.markQuoted(target.value, v, n.quoted.map((i) => n.args[i]!));
        return target ? { trivia: target.trivia } : undefined;
      }
    }
  }

  /** Mark the value (or the fields of an object value) that were written in double quotes. */
  private markQuoted(pointer: string, value: unknown, texts: string[]): void {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && texts.includes(v)) trivia(this.trivia, pointerJoin(pointer, k)).quoted = true;
    } else if (typeof value === 'string' && texts.includes(value)) trivia(this.trivia, pointer).quoted = true;
    else if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && texts.includes(v) && (trivia(this.trivia, pointerJoin(pointer, i)).quoted = true));
  }

  /** Store a value under a key; repeated keys become arrays (only where that is allowed). */
  private put(obj: Document, pointer: string, key: string, value: unknown, repeat: boolean, n: Node): { trivia: string; value: string } | undefined {
    const p = pointerJoin(pointer, key);
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
      obj[key] = repeat ? [value] : value;
      return { trivia: p, value: repeat ? pointerJoin(p, 0) : p };
    }
    if (!repeat) {
      this.cannot(n, `\`${key}\` is written twice in this block (keepalived keeps one of them); a Document holds one value`, 'remove the one you do not mean');
      return undefined;
    }
    const list = obj[key] as unknown[];
    list.push(value);
    return { trivia: pointerJoin(p, list.length - 1), value: pointerJoin(p, list.length - 1) };
  }

  /** A value that becomes an array when its key repeats (preprocessor lines, unknown keywords). */
  private grow(obj: Document, pointer: string, key: string, value: unknown): { trivia: string; own: string } {
    const p = pointerJoin(pointer, key);
    if (obj[key] === undefined) {
      obj[key] = value;
      return { trivia: p, own: p };
    }
    if (!Array.isArray(obj[key])) {
      obj[key] = [obj[key]];
      // the first one's trivia moves with it
      const t = this.trivia.get(p);
      if (t && (t.inline || t.close)) {
        this.trivia.set(pointerJoin(p, 0), { inline: t.inline, close: t.close } as TriviaEntry);
        delete t.inline;
        delete t.close;
      }
    }
    const list = obj[key] as unknown[];
    list.push(value);
    const ip = pointerJoin(p, list.length - 1);
    return { trivia: ip, own: ip };
  }

  private unknown(n: StatementNode, key: string, pointer: string, obj: Document): { trivia: string; own?: string } | undefined {
    if (n.type !== 'block') return this.grow(obj, pointer, key, n.args.length === 0 ? true : rawArgs(n));
    const body: Document = {};
    if (n.args.length > 0) body.$args = rawArgs(n);
    const at = this.grow(obj, pointer, key, body);
    this.body(n.body, undefined, at.own, body, n);
    return at;
  }

  private listBody(nodes: Node[], ks: KeywordSpec, pointer: string, items: unknown[], block: BlockNode): void {
    this.lines.add(pointer);
    const t = new BodyTrivia(this.trivia, pointer, block);
    for (const n of nodes) {
      if (n.type === 'comment') {
        t.comment(n);
        continue;
      }
      if (n.type === 'block' || (n.type === 'directive' && n.preprocessor)) {
        this.cannot(n, `a ${n.type === 'block' ? 'block' : 'preprocessor line'} inside \`${ks.name}\` cannot be converted`, 'keep this file in keepalived.conf form');
        t.statement(n, undefined);
        continue;
      }
      const cond = n.condition ? `${n.condition.negate ? '^' : ''}${n.condition.name}` : undefined;
      const lineWords = wordsOf(n, true);
      const groups = ks.itemMode === 'word' ? lineWords.map((w) => [w]) : [lineWords];
      groups.forEach((ws, gi) => {
        const { value, ok } = this.reader.readListLine(ws, ks);
        const hasParam = ws.some((w) => w.text.includes('$'));
        const read = ks.itemMode === 'word' ? (value as unknown[])[0] : value;
        let item: unknown = ok && !hasParam ? read : { $raw: ws.map((w) => (w.quoted ? `"${w.text}"` : w.text)).join(' ') };
        if (cond !== undefined) item = item !== null && typeof item === 'object' && !Array.isArray(item) ? { '@if': cond, ...item } : { '@if': cond, value: item };
        const ip = pointerJoin(pointer, items.length);
        items.push(item);
        if (gi === 0) t.statement(n, ip);
        else t.sameLine(ip);
        const quotedTexts = ws.filter((w) => w.quoted).map((w) => w.text);
        if (quotedTexts.length > 0 && ok) this.markQuoted(ip, read, quotedTexts);
      });
    }
    t.finish();
  }
}

export function astToDocument(raw: Node[]): LosslessDocument & { problems: Diagnostic[] } {
  const b = new ToDocument();
  const document: Document = {};
  b.body(raw, vocab().root, '', document);
  return { document, trivia: b.trivia, lines: b.lines, problems: b.problems };
}

// ---- Document → conf (AST) ------------------------------------------------------------------

const NOWHERE: Loc = { file: '<document>', line: 1, column: 1, endLine: 1, endColumn: 1 };

function directive(keyword: string, args: string[], quoted: number[] = []): DirectiveNode {
  const n: DirectiveNode = { type: 'directive', keyword, args, loc: NOWHERE, keywordLoc: NOWHERE, argLocs: args.map(() => NOWHERE) };
  if (quoted.length > 0) n.quoted = quoted;
  return n;
}

function comment(text: string, inline = false): CommentNode & { blankBefore?: boolean } {
  const c: CommentNode = { type: 'comment', text: /^[!#]/.test(text) ? text : `#${text}`, loc: NOWHERE };
  if (inline) c.inline = true;
  return c;
}

/** Split `$raw` text into words the way the lexer does (quoted words stay one). */
function splitRaw(text: string): { words: string[]; quoted: number[] } {
  const words: string[] = [];
  const quoted: number[] = [];
  for (const m of text.matchAll(/"([^"]*)"|((?:\\.|[^\s"])+)/g)) {
    if (m[1] !== undefined) {
      quoted.push(words.length);
      words.push(m[1]);
    } else words.push(m[2]!.replace(/\\([#!])/g, '$1'));
  }
  return { words, quoted };
}

export interface ToConfProblem {
  pointer: string;
  message: string;
}

class ToAst {
  readonly problems: ToConfProblem[] = [];
  private readonly writer = new WordWriter(vocab());

  constructor(private readonly trivia: TriviaMap) {}

  /** Nodes of one block body from its Document object. */
  body(obj: Document, spec: BlockSpec | undefined, pointer: string): Node[] {
    const out: Node[] = [];
    for (const [key, value] of Object.entries(obj)) {
      if (key === '$args' && spec === undefined) continue;
      const p = pointerJoin(pointer, key);
      const m = CONDITION.exec(key);
      const keyword = m ? m[3]! : key;
      const condition = m ? { name: m[2]!, negate: m[1] === '^', selected: false, loc: NOWHERE } : undefined;
      const nodes = this.entry(keyword, value, spec, p);
      if (condition) for (const n of nodes) if (n.type !== 'comment') n.condition = condition;
      out.push(...nodes);
    }
    const end = this.trivia.get(pointer)?.end;
    if (end) out.push(...this.commentLines(end, false));
    return out;
  }

  private commentLines(lines: string[], blank: boolean): Node[] {
    const out: Node[] = [];
    let pendingBlank = blank;
    for (const l of lines) {
      if (l === '') {
        pendingBlank = true;
        continue;
      }
      const c = comment(l) as CommentNode & { blankBefore?: boolean };
      c.blankBefore = pendingBlank;
      pendingBlank = false;
      out.push(c);
    }
    return out;
  }

  /** Comments and blank lines before a statement, and its own blank-line flag. */
  private decorate(node: StatementNode & { blankBefore?: boolean }, pointer: string, own: string = pointer): Node[] {
    const t = this.trivia.get(pointer);
    const o = this.trivia.get(own);
    const out: Node[] = [];
    const before = t?.before ?? [];
    const lead = this.commentLines(before, t?.blank ?? false);
    const trailingBlank = before.length > 0 && before[before.length - 1] === '';
    node.blankBefore = lead.length > 0 ? trailingBlank : (t?.blank ?? false);
    out.push(...lead, node);
    if (o?.inline && node.type === 'directive') out.push(comment(o.inline, true));
    if (node.type === 'block') {
      if (o?.inline) node.body.unshift(comment(o.inline, true));
      if (o?.close) out.push(comment(o.close, true));
    }
    return out;
  }

  private entry(keyword: string, value: unknown, spec: BlockSpec | undefined, pointer: string): Node[] {
    if (PREPROCESSOR_KEY.test(keyword)) {
      const values = Array.isArray(value) ? value : [value];
      return values.flatMap((v, i) => {
        const n = directive(keyword, [String(v)]);
        n.preprocessor = keyword.startsWith('$') ? 'define' : keyword.startsWith('~') ? 'seq' : 'include';
        const own = Array.isArray(value) ? pointerJoin(pointer, i) : pointer;
        return this.decorate(n, i > 0 ? own : pointer, own);
      });
    }
    const ks = spec?.keyword(keyword);
    if (!ks) return this.unknownEntry(keyword, value, pointer);
    switch (ks.kind) {
      case 'named-block': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) return this.bad(pointer, `\`${keyword}\` must map names to blocks`);
        return Object.entries(value as Document).flatMap(([name, body], i) => {
          const np = pointerJoin(pointer, name);
          const node = this.block(keyword, [name]);
          node.body = ks.namedList ? this.listItems(body, ks.namedList, np) : this.body((body ?? {}) as Document, ks.body, np);
          return this.decorate(node, i === 0 ? pointer : np, np);
        });
      }
      case 'keyed-block': {
        const list = Array.isArray(value) ? value : [value];
        return list.flatMap((item, i) => {
          const ip = pointerJoin(pointer, i);
          if (!item || typeof item !== 'object') return this.bad(ip, `\`${keyword}\` entries must be objects`);
          const obj = item as Document;
          let words: string[] | undefined;
          let quoted: number[] = [];
          if (typeof obj.$raw === 'string') ({ words, quoted } = splitRaw(obj.$raw));
          else words = this.writer.keyWords(obj, ks);
          if (!words) return this.bad(ip, `cannot write the key of \`${keyword}\` (${ks.schema['x-kaconf-syntax'] ?? 'see the schema'})`);
          const node = this.block(keyword, words, quoted);
          const bodyObj: Document = {};
          const keyNames = new Set(['$raw', ...(ks.keyCodec ? codecFields(ks.keyCodec) : []), ...(ks.keyArgs ?? []).flatMap((a) => (a.rest ? [a.rest] : Array.isArray(a.name) ? a.name : [typeof a.name === 'string' ? a.name : a.option!]))]);
          for (const [k, v] of Object.entries(obj)) if (!keyNames.has(k) || ks.body!.keyword(k)) bodyObj[k] = v;
          node.body = this.body(bodyObj, ks.body, ip);
          return this.decorate(node, i === 0 ? pointer : ip, ip);
        });
      }
      case 'block': {
        const list = ks.repeat ? (Array.isArray(value) ? value : [value]) : [value];
        return list.flatMap((item, i) => {
          const ip = ks.repeat ? pointerJoin(pointer, i) : pointer;
          if (!item || typeof item !== 'object' || Array.isArray(item)) return this.bad(ip, `\`${keyword}\` must be a block (an object)`);
          const node = this.block(keyword, []);
          node.body = this.body(item as Document, ks.body, ip);
          return this.decorate(node, i === 0 ? pointer : ip, ip);
        });
      }
      case 'list-block': {
        const node = this.block(keyword, []);
        node.body = this.listItems(value, ks, pointer);
        return this.decorate(node, pointer);
      }
      default: {
        const list = ks.repeat ? (Array.isArray(value) ? value : [value]) : [value];
        return list.flatMap((v, i) => {
          const vp = ks.repeat ? pointerJoin(pointer, i) : pointer;
          const tp = ks.repeat && i > 0 ? vp : pointer;
          if (v && typeof v === 'object' && typeof (v as Document).$raw === 'string') {
            const { words, quoted } = splitRaw((v as Document).$raw as string);
            return this.decorate(directive(keyword, words, quoted), tp);
          }
          const words = this.writer.valueWords(v, ks);
          if (words === null) return [];
          if (words === undefined) return this.bad(vp, `cannot write \`${keyword}\` from ${JSON.stringify(v)} (${ks.schema['x-kaconf-syntax'] ?? 'see the schema'})`);
          return this.decorate(directive(keyword, words, this.quotedWords(vp, v, words)), tp);
        });
      }
    }
  }

  /** Indexes of the words that were in double quotes (trivia of the value or of its fields). */
  private quotedWords(pointer: string, value: unknown, words: string[]): number[] {
    const texts = new Set<string>();
    if (this.trivia.get(pointer)?.quoted && typeof value === 'string') texts.add(value);
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && this.trivia.get(pointerJoin(pointer, k))?.quoted) texts.add(v);
    }
    return words.flatMap((w, i) => (texts.has(w) ? [i] : []));
  }

  private block(keyword: string, args: string[], quoted: number[] = []): BlockNode {
    const n: BlockNode = { type: 'block', keyword, args, body: [], loc: NOWHERE, keywordLoc: NOWHERE, argLocs: args.map(() => NOWHERE), openLoc: NOWHERE, closeLoc: NOWHERE };
    if (quoted.length > 0) n.quoted = quoted;
    return n;
  }

  private listItems(value: unknown, ks: KeywordSpec, pointer: string): Node[] {
    if (!Array.isArray(value)) return this.bad(pointer, `\`${ks.name}\` must be a list`);
    const out: Node[] = [];
    value.forEach((raw, i) => {
      const ip = pointerJoin(pointer, i);
      let item = raw;
      let cond: string | undefined;
      if (item && typeof item === 'object' && !Array.isArray(item) && typeof (item as Document)['@if'] === 'string') {
        const { '@if': c, ...rest } = item as Document;
        cond = c as string;
        item = 'value' in rest && Object.keys(rest).length === 1 ? rest.value : rest;
      }
      let words: string[] | undefined;
      let quoted: number[] = [];
      if (item && typeof item === 'object' && typeof (item as Document).$raw === 'string') ({ words, quoted } = splitRaw((item as Document).$raw as string));
      else words = this.writer.itemWords(item, ks.item ?? {});
      if (!words || words.length === 0) {
        out.push(...this.bad(ip, `cannot write this \`${ks.name}\` entry from ${JSON.stringify(raw)}`));
        return;
      }
      if (quoted.length === 0) quoted = this.quotedWords(ip, item, words);
      const n = directive(words[0]!, words.slice(1), quoted.filter((q) => q > 0).map((q) => q - 1));
      if (cond !== undefined) n.condition = { name: cond.replace(/^\^/, ''), negate: cond.startsWith('^'), selected: false, loc: NOWHERE };
      out.push(...this.decorate(n, ip));
    });
    const end = this.trivia.get(pointer)?.end;
    if (end) out.push(...this.commentLines(end, false));
    return out;
  }

  private unknownEntry(keyword: string, value: unknown, pointer: string): Node[] {
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((v, i) => {
      const own = Array.isArray(value) ? pointerJoin(pointer, i) : pointer;
      const lead = i === 0 ? pointer : own;
      if (v === true) return this.decorate(directive(keyword, []), lead, own);
      if (typeof v === 'string' || typeof v === 'number') {
        const { words, quoted } = splitRaw(String(v));
        return this.decorate(directive(keyword, words, quoted), lead, own);
      }
      if (v && typeof v === 'object') {
        const obj = v as Document;
        const { words, quoted } = typeof obj.$args === 'string' ? splitRaw(obj.$args) : { words: [], quoted: [] };
        const node = this.block(keyword, words, quoted);
        node.body = this.body(obj, undefined, own);
        return this.decorate(node, lead, own);
      }
      return this.bad(own, `cannot write \`${keyword}\` from ${JSON.stringify(v)}`);
    });
  }

  private bad(pointer: string, message: string): Node[] {
    this.problems.push({ pointer, message });
    return [];
  }
}

export function documentToAst(doc: LosslessDocument): { nodes: Node[]; problems: ToConfProblem[] } {
  const t = new ToAst(doc.trivia);
  const nodes = t.body(doc.document, vocab().root, '');
  return { nodes, problems: t.problems };
}
