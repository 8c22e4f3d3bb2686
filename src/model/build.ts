/**
 * AST → Document, guided by the vocabulary (schemas/). Keeps where every value came from
 * (a JSON pointer → source location index) and reports what cannot become a value:
 * unknown keywords, keywords of another release, blocks where a value belongs, missing values.
 * Values that are read but wrong (range, type, enum, format) are left to schema validation.
 */
import { closest, distance } from 'fastest-levenshtein';
import { diagnostic, spanLoc, type Diagnostic, type Fix, type Loc, type Severity } from '../diagnostics.js';
import { isEffective, type BlockNode, type Node, type StatementNode } from '../syntax/ast.js';
import { codec, codecFields, integerOrText, type Word } from './codecs.js';
import { formatVersion, versionInRange, type Version } from './versions.js';
import { shown } from './secrets.js';
import { Vocabulary, vocabulary, type ArgSpec, type BlockSpec, type Deprecation, type JsonSchema, type KeywordSpec } from './vocabulary.js';

export type Document = Record<string, unknown>;

/** Where a Document value came from. */
export interface SourceRef {
  /** the whole statement (keyword to end of value or block) */
  loc: Loc;
  /** the keyword */
  keywordLoc: Loc;
  /** the words of the value (absent for a flag or a block) */
  valueLoc?: Loc;
  node?: StatementNode;
}

export class LocIndex {
  private readonly map = new Map<string, SourceRef>();

  set(pointer: string, ref: SourceRef): void {
    if (!this.map.has(pointer)) this.map.set(pointer, ref);
  }

  replace(pointer: string, ref: SourceRef): void {
    for (const key of [...this.map.keys()]) if (key === pointer || key.startsWith(pointer + '/')) this.map.delete(key);
    this.map.set(pointer, ref);
  }

  get(pointer: string): SourceRef | undefined {
    return this.map.get(pointer);
  }

  /** The location of a pointer, or of its nearest ancestor that has one. */
  find(pointer: string): SourceRef | undefined {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const r = this.map.get(p);
      if (r) return r;
      if (p === '') return undefined;
    }
  }

  entries(): IterableIterator<[string, SourceRef]> {
    return this.map.entries();
  }

  /** Every pointer and its location, in the order they were set (no entry objects made, unlike entries()). */
  forEach(fn: (ref: SourceRef, pointer: string) => void): void {
    this.map.forEach(fn);
  }
}

export function pointerJoin(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}/${key}`;
  if (!key.includes('~') && !key.includes('/')) return `${base}/${key}`;
  return `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A keyword written twice where keepalived keeps only one. */
export interface Duplicate {
  pointer: string;
  keyword: string;
  first: Loc;
  again: Loc;
  /** a block keepalived reads into the first one (nothing is lost) */
  merged?: boolean;
}

export interface ModelResult {
  document: Document;
  locs: LocIndex;
  diagnostics: Diagnostic[];
  duplicates: Duplicate[];
  /** named blocks seen more than once: the later ones are not in the Document */
  duplicateNames: Duplicate[];
}

const BOOL_WORDS: Record<string, boolean> = { on: true, true: true, yes: true, off: false, false: false, no: false };

function wordsOf(node: StatementNode): Word[] {
  const { args, argLocs, quoted } = node;
  const out: Word[] = new Array<Word>(args.length);
  for (let i = 0; i < args.length; i++) {
    const w: Word = { text: args[i]!, loc: argLocs[i]! };
    if (quoted?.includes(i)) w.quoted = true;
    out[i] = w;
  }
  return out;
}

function wordsLoc(words: Word[]): Loc | undefined {
  if (words.length === 0) return undefined;
  // one word: its own location (locations are never changed in place, so it can be shared)
  if (words.length === 1) return words[0]!.loc;
  return spanLoc(words[0]!.loc, words[words.length - 1]!.loc);
}

/** A keyword's location, through its block's `}` when it opens one (keepalived then misreads every line of it). */
function blockSpan(node: StatementNode): Loc {
  if (node.type !== 'block' || !node.closeLoc) return node.keywordLoc;
  return { ...node.keywordLoc, endLine: node.closeLoc.endLine, endColumn: node.closeLoc.endColumn };
}

interface ValuePlan {
  /** the schema as it applies to the release */
  s: JsonSchema;
  alts: JsonSchema[];
  types: string[];
  lineCodecName: string | undefined;
  arrayAlt: JsonSchema | undefined;
  objectAlt: JsonSchema | undefined;
}

interface ArgPlan {
  options: Map<string, ArgSpec>;
  rest: ArgSpec | undefined;
  positional: ArgSpec[];
}

interface ConvertPlan {
  known: string[] | undefined;
  integer: boolean;
  number: boolean;
  /** boolean and not string */
  boolean: boolean;
  decimals: unknown;
}

function schemaTypes(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (typeof s.type === 'string') return [s.type];
  return [];
}

export class ModelBuilder {
  readonly diagnostics: Diagnostic[] = [];
  readonly locs = new LocIndex();
  readonly duplicates: Duplicate[] = [];
  readonly duplicateNames: Duplicate[] = [];

  constructor(
    private readonly vocab: Vocabulary,
    private readonly version: Version,
  ) {}

  /** Whether a keyword exists in the release being read (cached: asked for every statement). */
  private available(ks: KeywordSpec): boolean {
    let ok = this.availability.get(ks);
    if (ok === undefined) this.availability.set(ks, (ok = Vocabulary.available(ks, this.version)));
    return ok;
  }

  private readonly availability = new Map<KeywordSpec, boolean>();

  private report(rule: string, severity: Severity, message: string, loc: Loc, hint?: string, fix?: Fix): void {
    const d = diagnostic(rule, severity, message, loc, hint);
    if (fix) d.fix = fix;
    this.diagnostics.push(d);
  }

  build(ast: Node[]): Document {
    return this.block(ast, this.vocab.root, '');
  }

  // ---- one value at a time (for the formatter and the converter) -----------------------------

  /** Read the value of one flag/value statement; `ok` is false when reading it found a problem. */
  readStatementValue(node: StatementNode, ks: KeywordSpec): { value: unknown; ok: boolean } {
    const before = this.diagnostics.length;
    const value = this.value(node, ks, wordsOf(node), '');
    return { value, ok: value !== undefined && this.diagnostics.length === before };
  }

  /** Read one line of a list-block. */
  readListLine(words: Word[], ks: KeywordSpec): { value: unknown; ok: boolean } {
    const before = this.diagnostics.length;
    const value = ks.itemMode === 'word' ? words.map((w) => this.convert(w, ks.item ?? {}, ks.name)) : this.lineItem(words, ks.item ?? {}, ks.name, '');
    return { value, ok: this.diagnostics.length === before };
  }

  /** Read the key words of a keyed block (`real_server 10.0.0.1 80`). */
  readBlockKey(node: StatementNode, ks: KeywordSpec): { value: Record<string, unknown>; ok: boolean } {
    const before = this.diagnostics.length;
    this.locs.set('', { loc: node.loc, keywordLoc: node.keywordLoc });
    const value = this.readKey(wordsOf(node), ks, '');
    return { value, ok: this.diagnostics.length === before };
  }

  /** A block body: keywords → object. */
  private block(nodes: Node[], spec: BlockSpec, pointer: string): Document {
    const obj: Document = {};
    const seen = new Map<string, Loc>();
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (!isEffective(node) || node.keyword === '') continue;
      const ks = this.lookup(node, spec);
      if (!ks) continue;
      const p = pointerJoin(pointer, node.keyword);
      this.keyword(node, ks, obj, p, seen);
    }
    return obj;
  }

  /** Find a keyword in a block, reporting it when it is unknown there or in this release. */
  private lookup(node: StatementNode, spec: BlockSpec): KeywordSpec | undefined {
    const kw = node.keyword;
    const ks = spec.keyword(kw);
    if (ks && this.available(ks)) {
      if (ks.deprecated) this.deprecated(kw, ks.deprecated, node.keywordLoc);
      return ks;
    }
    const where = spec.name === 'root' ? 'at the top level' : `in ${spec.name}`;
    if (ks) {
      const v = formatVersion(this.version);
      const msg = ks.since
        ? `\`${kw}\` needs keepalived ${ks.since} or later; keepalived ${v} rejects it as an unknown keyword`
        : `\`${kw}\` was removed in keepalived ${ks.until}; keepalived ${v} rejects it as an unknown keyword`;
      this.report('unknown-keyword', 'error', msg, blockSpan(node), 'remove it, or lint for the release you run with --keepalived-version');
      return undefined;
    }
    const owners = this.vocab.ownersOf(kw).filter((o) => o !== spec.name);
    if (owners.length > 0) {
      const list = owners.map((o) => (o === 'root' ? 'the top level' : o)).join(', ');
      this.report(
        'unknown-keyword',
        'error',
        `\`${kw}\` is not valid ${where}; it belongs in ${list}`,
        blockSpan(node),
        `move it into ${owners[0] === 'root' ? 'the top level' : owners[0]}`,
      );
      return undefined;
    }
    const candidates = spec.keywords().filter((k) => {
      const c = spec.keyword(k);
      return c !== undefined && this.available(c);
    });
    const guess = candidates.length > 0 ? closest(kw, candidates) : undefined;
    const near = guess !== undefined && distance(kw, guess) <= Math.max(2, Math.floor(kw.length / 4));
    this.report(
      'unknown-keyword',
      'error',
      `unknown keyword \`${kw}\` ${where}${near ? `; did you mean \`${guess}\`?` : ''}${node.type === 'block' ? ' (keepalived then reads the lines of its block as if they stood outside it)' : ''}`,
      blockSpan(node),
      near ? `replace it with \`${guess}\`` : 'check the spelling against the keepalived.conf man page, or remove it',
      near && !node.origin ? { loc: node.keywordLoc, text: guess! } : undefined,
    );
    return undefined;
  }

  private deprecated(kw: string, d: Deprecation, loc: Loc): void {
    const reported = d.keepalived === 'error';
    this.report(
      'deprecated-keyword',
      reported ? 'error' : 'warning',
      `${d.message ?? `\`${kw}\` is deprecated`}${d.since ? ` (since keepalived ${d.since})` : ''}${reported ? '; keepalived reports it, so `keepalived -t` fails' : ''}`,
      loc,
      d.use ? `use \`${d.use}\` instead` : undefined,
      // a keyword only renamed: writing the new name changes nothing else
      d.rename && d.use && loc.line === loc.endLine && loc.endColumn - loc.column === kw.length ? { loc, text: d.use } : undefined,
    );
  }

  /** Properties a line codec filled whose schema marks them deprecated (`gw`, `or` in a route). */
  private deprecatedFields(item: JsonSchema, fieldWords: Record<string, number[]>, words: Word[]): void {
    const props = item.properties ?? {};
    for (const [field, idx] of Object.entries(fieldWords)) {
      const d = props[field]?.['x-kaconf-deprecated'] as Deprecation | undefined;
      if (!d) continue;
      const loc = wordsLoc(idx.map((k) => words[k]!).filter(Boolean));
      if (loc) this.deprecated(field, d, loc);
    }
  }

  private keyword(node: StatementNode, ks: KeywordSpec, obj: Document, pointer: string, seen: Map<string, Loc>): void {
    const kw = node.keyword;
    const words = wordsOf(node);
    const vloc = wordsLoc(words);
    // every property in the literal (added later, one would need a block of its own)
    const ref: SourceRef = vloc ? { loc: node.loc, keywordLoc: node.keywordLoc, node, valueLoc: vloc } : { loc: node.loc, keywordLoc: node.keywordLoc, node };

    const takesBlock = ks.kind === 'block' || ks.kind === 'named-block' || ks.kind === 'keyed-block' || ks.kind === 'list-block';
    if (takesBlock && node.type !== 'block') {
      this.report('block-expected', 'error', `\`${kw}\` takes a block: \`${kw} ${ks.kind === 'named-block' ? 'NAME ' : ''}{ ... }\``, node.keywordLoc, `add \`{ ... }\` after \`${kw}\``);
      return;
    }
    if (!takesBlock && node.type === 'block') {
      this.report('unexpected-block', 'error', `\`${kw}\` does not take a block`, (node as BlockNode).openLoc, 'remove the braces and what is between them, or check the keyword');
      return;
    }

    switch (ks.kind) {
      case 'named-block': {
        const name = node.args[0];
        if (name === undefined) {
          this.report('missing-value', 'error', `\`${kw}\` needs a name: \`${kw} NAME { ... }\``, node.keywordLoc, 'give the block a name');
          return;
        }
        if (node.args.length > 1) this.extraWords(kw, words.slice(1), 'after the name');
        const map = (obj[kw] ??= {}) as Record<string, unknown>;
        const p = pointerJoin(pointer, name);
        if (Object.prototype.hasOwnProperty.call(map, name)) {
          this.duplicateNames.push({ pointer: p, keyword: kw, first: this.locs.get(p)!.keywordLoc, again: node.argLocs[0]! });
          return;
        }
        this.locs.set(p, { loc: ref.loc, keywordLoc: ref.keywordLoc, node, valueLoc: node.argLocs[0]! });
        const body = (node as BlockNode).body;
        map[name] = ks.namedList ? this.listItems(body, [], ks.namedList, p) : this.block(body, ks.body!, p);
        return;
      }
      case 'keyed-block': {
        const list = (obj[kw] ??= []) as unknown[];
        const p = pointerJoin(pointer, list.length);
        this.locs.set(pointer, ref);
        this.locs.set(p, ref);
        const key = this.readKey(words, ks, p);
        const body = this.block((node as BlockNode).body, ks.body!, p);
        list.push({ ...key, ...body });
        return;
      }
      case 'block': {
        const body = (node as BlockNode).body;
        if (node.args.length > 0) this.extraWords(kw, words, 'before `{`');
        if (ks.repeat) {
          const list = (obj[kw] ??= []) as unknown[];
          const p = pointerJoin(pointer, list.length);
          this.locs.set(pointer, ref);
          this.locs.set(p, ref);
          list.push(this.block(body, ks.body!, p));
          return;
        }
        if (Object.prototype.hasOwnProperty.call(obj, kw) && obj[kw] && typeof obj[kw] === 'object') {
          this.duplicates.push({ pointer, keyword: kw, first: seen.get(kw) ?? node.keywordLoc, again: node.keywordLoc, merged: ks.schema['x-kaconf-on-repeat'] !== 'replace' });
          if (ks.schema['x-kaconf-on-repeat'] === 'replace') {
            this.locs.replace(pointer, ref);
            obj[kw] = this.block(body, ks.body!, pointer);
          } else {
            // keepalived reads a second block of the same keyword into the first (two global_defs, two authentication blocks)
            Object.assign(obj[kw] as Document, this.block(body, ks.body!, pointer));
          }
          return;
        }
        this.locs.set(pointer, ref);
        seen.set(kw, node.keywordLoc);
        obj[kw] = this.block(body, ks.body!, pointer);
        return;
      }
      case 'list-block': {
        if (node.args.length > 0) this.extraWords(kw, words, 'before `{`');
        const existing = (obj[kw] as unknown[] | undefined) ?? [];
        this.locs.set(pointer, ref);
        // keepalived adds the lines of a repeated block to the first
        obj[kw] = [...existing, ...this.listItems((node as BlockNode).body, [], ks, pointer, existing.length)];
        return;
      }
      default: {
        const value = this.value(node, ks, words, pointer);
        if (value === undefined) return;
        if (ks.repeat) {
          const list = (obj[kw] ??= []) as unknown[];
          const p = pointerJoin(pointer, list.length);
          this.locs.set(pointer, ref);
          this.locs.set(p, ref);
          list.push(value);
          return;
        }
        // keepalived keeps the last value for most keywords: the location follows it
        if (this.isDuplicate(kw, obj, pointer, node, seen)) this.locs.replace(pointer, ref);
        else this.locs.set(pointer, ref);
        obj[kw] = value;
      }
    }
  }

  private isDuplicate(kw: string, obj: Document, pointer: string, node: StatementNode, seen: Map<string, Loc>): boolean {
    const first = seen.get(kw);
    if (first && Object.prototype.hasOwnProperty.call(obj, kw)) {
      this.duplicates.push({ pointer, keyword: kw, first, again: node.keywordLoc });
      return true;
    }
    seen.set(kw, node.keywordLoc);
    return false;
  }

  private extraWords(kw: string, words: Word[], where: string): void {
    const loc = wordsLoc(words);
    if (!loc) return;
    this.report(
      'extra-arguments',
      'error',
      `\`${kw}\` takes no words ${where}: ${words.map((w) => shown(kw, w.text)).join(' ')}`,
      loc,
      'remove them',
    );
  }

  /** A keyword's schema as it applies to the release being read (x-kaconf-versions overrides). */
  private forVersion(s: JsonSchema): JsonSchema {
    const overrides = s['x-kaconf-versions'] as Array<{ since?: string; until?: string; schema: JsonSchema }> | undefined;
    if (!overrides) return s;
    let out = s;
    for (const o of overrides) if (versionInRange(this.version, o.since, o.until)) out = { ...out, ...o.schema, properties: { ...out.properties, ...(o.schema.properties ?? {}) } };
    return out;
  }

  /** What value() needs of a keyword's schema, worked out once per schema (the builder reads one release). */
  private valuePlan(schema: JsonSchema): ValuePlan {
    let plan = this.valuePlans.get(schema);
    if (!plan) {
      const s = this.forVersion(schema);
      const alts = (s.anyOf ?? s.oneOf ?? []).map((a) => this.vocab.resolve(a));
      const types = schemaTypes(s);
      plan = {
        s,
        alts,
        types,
        lineCodecName: s['x-kaconf-codec'] as string | undefined,
        arrayAlt: types.includes('array') ? s : alts.find((a) => schemaTypes(a).includes('array')),
        objectAlt: types.includes('object') || s['x-kaconf-args'] ? s : alts.find((a) => schemaTypes(a).includes('object')),
      };
      this.valuePlans.set(schema, plan);
    }
    return plan;
  }

  private readonly valuePlans = new WeakMap<JsonSchema, ValuePlan>();

  /** The value of a flag or value keyword. */
  private value(node: StatementNode, ks: KeywordSpec, words: Word[], pointer: string): unknown {
    const plan = this.valuePlan(ks.schema);
    const s = plan.s;
    const kw = node.keyword;
    if (ks.kind === 'flag') {
      if (words.length === 0) return true;
      const b = BOOL_WORDS[words[0]!.text];
      if (s['x-kaconf-bool-arg'] === true) {
        if (words.length > 1) this.extraWords(kw, words.slice(1), 'after the on/off value');
        return b ?? words[0]!.text;
      }
      this.report(
        'extra-arguments',
        'warning',
        `\`${kw}\` takes no value; keepalived ignores ${words.map((w) => `'${w.text}'`).join(' ')}${b === false ? ` (so \`${kw} ${words[0]!.text}\` still turns it on)` : ''}`,
        wordsLoc(words)!,
        b === false ? `remove the line to turn \`${kw}\` off` : 'remove the extra words',
      );
      return true;
    }
    const { lineCodecName, types, arrayAlt, objectAlt } = plan;
    if (words.length === 0) {
      if (plan.alts.some((a) => a.const === true)) return true;
      if (lineCodecName && types.includes('object') && !((s.required as string[] | undefined)?.length)) {
        const c = codec(lineCodecName);
        if (c?.kind === 'line') return c.read([]).value;
      }
      if (s.type === 'array') return [];
      const args = s['x-kaconf-args'] as ArgSpec[] | undefined;
      if (args && args.every((a) => a.optional || a.option !== undefined || a.rest)) return {};
      this.report(
        'missing-value',
        'error',
        `\`${kw}\` needs a value${s['x-kaconf-syntax'] ? `: ${String(s['x-kaconf-syntax'])}` : ''}`,
        node.keywordLoc,
        'keepalived stops reading the configuration at a keyword without its value',
      );
      return undefined;
    }
    if (lineCodecName) {
      const c = codec(lineCodecName);
      if (c && c.kind === 'line') {
        const r = c.read(words);
        this.codecProblems(kw, r.problems, words);
        return types.includes('object') ? r.value : r.value.value;
      }
    }
    if (objectAlt) {
      return this.readArgs(words, (objectAlt['x-kaconf-args'] as ArgSpec[] | undefined) ?? [], objectAlt, pointer, kw);
    }
    if (arrayAlt) {
      const item = this.vocab.resolve(arrayAlt.items ?? {});
      return words.map((w) => this.convert(w, item, kw));
    }
    if (words.length > 1) {
      // x-kaconf-extra-words: keepalived reports the extra words (and `-t` fails) instead of ignoring them;
      // "error": it then ignores the setting, "error-keep-first": it uses the first word
      const flag = s['x-kaconf-extra-words'];
      const reported = flag === 'error' || flag === 'error-keep-first';
      const extra = words
        .slice(1)
        .map((w) => shown(kw, w.text))
        .join(' ');
      this.report(
        'extra-arguments',
        reported ? 'error' : 'warning',
        reported
          ? `\`${kw}\` takes exactly one value; keepalived reports the extra word${words.length > 2 ? 's' : ''} ${extra} and ${flag === 'error' ? 'ignores the setting' : 'uses the first one'}, so \`keepalived -t\` fails`
          : `\`${kw}\` takes one value; keepalived ignores ${extra}`,
        wordsLoc(words.slice(1))!,
        words.some((w) => /^[!#]/.test(w.text)) ? 'remove the extra words' : 'remove the extra words, or quote the value if it has spaces',
      );
    }
    return this.convert(words[0]!, s, kw);
  }

  /** What convert() needs of a schema, worked out once per schema object. */
  private convertPlan(schemaIn: JsonSchema): ConvertPlan {
    let plan = this.convertPlans.get(schemaIn);
    if (!plan) {
      const s = this.vocab.resolve(schemaIn);
      const types = schemaTypes(s);
      const alts = (s.anyOf ?? s.oneOf ?? []).map((a) => this.vocab.resolve(a));
      const allTypes = [...types, ...alts.flatMap(schemaTypes)];
      plan = {
        known: s['x-kaconf-known'] as string[] | undefined,
        integer: allTypes.includes('integer'),
        number: allTypes.includes('number'),
        boolean: allTypes.includes('boolean') && !allTypes.includes('string'),
        decimals: s['x-kaconf-decimals'] ?? alts.find((a) => a['x-kaconf-decimals'] !== undefined)?.['x-kaconf-decimals'],
      };
      this.convertPlans.set(schemaIn, plan);
    }
    return plan;
  }

  private readonly convertPlans = new WeakMap<JsonSchema, ConvertPlan>();

  /** One word converted by the JSON type its schema wants (kept as text when it does not read). */
  convert(word: Word, schemaIn: JsonSchema, kw: string): unknown {
    const plan = this.convertPlan(schemaIn);
    const text = word.text;
    // x-kaconf-known: the words keepalived acts on; it silently skips any other
    const known = plan.known;
    if (known && !known.includes(text)) {
      const guess = closest(text, known);
      const near = distance(text, guess) <= Math.max(2, Math.floor(text.length / 4));
      this.report(
        'ignored-value',
        'warning',
        `keepalived does not know ${shown(kw, text)} in \`${kw}\` and silently ignores it${near ? `; did you mean \`${guess}\`?` : ''}`,
        word.loc,
        near ? `replace it with \`${guess}\`` : `use one of: ${known.join(', ')}`,
      );
    }
    const decimals = plan.decimals;
    if (plan.integer && /^[+-]?\d+$/.test(text)) {
      const n = integerOrText(text);
      if (typeof n === 'number') return n;
    }
    if (plan.number && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
      const dot = text.indexOf('.');
      if (typeof decimals === 'number' && dot >= 0 && text.length - dot - 1 > decimals) {
        this.report(
          'invalid-value',
          'error',
          `\`${kw}\` value '${text}' has ${text.length - dot - 1} decimal places; keepalived reads at most ${decimals}`,
          word.loc,
          `round it to ${decimals} decimal places`,
        );
      }
      return Number(text);
    }
    if (plan.boolean && BOOL_WORDS[text] !== undefined) return BOOL_WORDS[text];
    return text;
  }

  /** Words read by an x-kaconf-args list into an object (docs: schemas/README.md). */
  private readArgs(words: Word[], args: ArgSpec[], s: JsonSchema, pointer: string, kw: string): Record<string, unknown> {
    const props = s.properties ?? {};
    const out: Record<string, unknown> = {};
    const { options, rest, positional } = this.argPlan(args);
    // options may stand anywhere (keepalived reads most of these lines in any order); the other
    // words fill the positional arguments in turn, then `rest`
    let next = 0;
    for (let i = 0; i < words.length; ) {
      const w = words[i]!;
      const opt = options.get(w.text);
      if (opt) {
        const name = typeof opt.name === 'string' ? opt.name : opt.option!;
        if (opt.flag) {
          out[name] = true;
          this.locs.set(pointerJoin(pointer, name), { loc: w.loc, keywordLoc: w.loc });
          i++;
          continue;
        }
        const n = opt.values ?? 1;
        const vals = words.slice(i + 1, i + 1 + n);
        if (vals.length < n) {
          this.report('missing-value', 'error', `\`${w.text}\` in \`${kw}\` needs a value`, w.loc, `write \`${w.text} VALUE\``);
          break;
        }
        const schema = props[name] ?? {};
        out[name] = opt.values ? vals.map((v) => this.convert(v, this.itemSchema(schema), kw)) : this.convert(vals[0]!, schema, kw);
        this.locs.set(pointerJoin(pointer, name), { loc: spanLoc(w.loc, vals[vals.length - 1]!.loc), keywordLoc: w.loc, valueLoc: wordsLoc(vals)! });
        i += 1 + n;
        continue;
      }
      const p = positional[next];
      if (p) {
        this.readOne(w, p, props, out, kw);
        for (const n of Array.isArray(p.name) ? p.name : [p.name!]) this.locs.set(pointerJoin(pointer, n), { loc: w.loc, keywordLoc: w.loc, valueLoc: w.loc });
        next++;
        i++;
        continue;
      }
      if (rest) {
        out[rest.rest!] = words.slice(i).map((x) => x.text);
        this.locs.set(pointerJoin(pointer, rest.rest!), { loc: wordsLoc(words.slice(i))!, keywordLoc: w.loc, valueLoc: wordsLoc(words.slice(i))! });
        break;
      }
      const known = [...options.keys()];
      const guess = known.length > 0 ? closest(w.text, known) : undefined;
      const near = guess !== undefined && distance(w.text, guess) <= 2;
      this.report(
        'invalid-value',
        'error',
        `unexpected word ${shown(kw, w.text)} in \`${kw}\`${near ? `; did you mean \`${guess}\`?` : ''}`,
        w.loc,
        s['x-kaconf-syntax'] ? `the syntax is: ${String(s['x-kaconf-syntax'])}` : 'remove it',
      );
      i++;
    }
    for (let k = next; k < positional.length; k++) {
      const p = positional[k]!;
      if (p.optional) continue;
      const name = Array.isArray(p.name) ? p.name[0]! : p.name!;
      this.report(
        'missing-value',
        'error',
        `\`${kw}\` needs ${name}${s['x-kaconf-syntax'] ? `: ${String(s['x-kaconf-syntax'])}` : ''}`,
        wordsLoc(words) ?? this.locs.get(pointer)?.keywordLoc ?? words[0]!.loc,
        `add the ${name}`,
      );
      break;
    }
    return out;
  }

  /** An x-kaconf-args list sorted out once: options by word, the `rest` argument, the positional ones. */
  private argPlan(args: ArgSpec[]): ArgPlan {
    let plan = this.argPlans.get(args);
    if (!plan) {
      const options = new Map<string, ArgSpec>();
      for (const a of args) if (a.option !== undefined) options.set(a.option, a);
      plan = { options, rest: args.find((a) => a.rest), positional: args.filter((a) => a.option === undefined && !a.rest) };
      this.argPlans.set(args, plan);
    }
    return plan;
  }

  private readonly argPlans = new WeakMap<ArgSpec[], ArgPlan>();

  private itemSchema(s: JsonSchema): JsonSchema {
    const r = this.vocab.resolve(s);
    return r.items ? this.vocab.resolve(r.items) : r;
  }

  private readOne(w: Word, p: ArgSpec, props: Record<string, JsonSchema>, out: Record<string, unknown>, kw: string): void {
    if (p.codec) {
      const c = codec(p.codec);
      if (c && c.kind === 'word') {
        const fields = c.read(w.text);
        for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' && props[k] ? this.convert({ ...w, text: v }, props[k]!, kw) : v;
        return;
      }
    }
    const name = Array.isArray(p.name) ? p.name[0]! : p.name!;
    out[name] = this.convert(w, props[name] ?? {}, kw);
  }

  private codecProblems(kw: string, problems: { message: string; word?: number; hint?: string }[], words: Word[]): void {
    for (const pr of problems) {
      const loc = words[pr.word ?? 0]?.loc ?? wordsLoc(words);
      if (loc) this.report('invalid-value', 'error', `\`${kw}\`: ${pr.message}`, loc, pr.hint);
    }
  }

  /** The key of a keyed block (`real_server 10.0.0.1 80`). */
  private readKey(words: Word[], ks: KeywordSpec, pointer: string): Record<string, unknown> {
    const items = this.itemSchema(ks.schema);
    if (ks.keyCodec) {
      const c = codec(ks.keyCodec);
      if (c && c.kind === 'line') {
        const r = c.read(words);
        this.codecProblems(ks.name, r.problems, words);
        for (const [field, idx] of Object.entries(r.fieldWords ?? {})) {
          const ws = idx.map((k) => words[k]!).filter(Boolean);
          const loc = wordsLoc(ws);
          if (loc) this.locs.set(pointerJoin(pointer, field), { loc, keywordLoc: loc, valueLoc: loc });
        }
        return r.value;
      }
    }
    if (words.length === 0 && (ks.keyArgs ?? []).some((a) => !a.optional && !a.option && !a.rest)) {
      this.report('missing-value', 'error', `\`${ks.name}\` needs ${String(items['x-kaconf-syntax'] ?? ks.schema['x-kaconf-syntax'] ?? 'its address')}`, ks.schema ? this.locs.get(pointer)!.keywordLoc : this.locs.get(pointer)!.loc);
      return {};
    }
    return this.readArgs(words, ks.keyArgs ?? [], items, pointer, ks.name);
  }


  /** The items of a list-block: each line (or each word) one item. */
  private listItems(body: Node[], lead: Word[], ks: KeywordSpec, pointer: string, offset = 0): unknown[] {
    const items: unknown[] = [];
    const item = ks.item ?? {};
    const add = (words: Word[], node: StatementNode): void => {
      if (ks.itemMode === 'word') {
        for (const w of words) {
          const p = pointerJoin(pointer, offset + items.length);
          this.locs.set(p, { loc: w.loc, keywordLoc: w.loc, valueLoc: w.loc, node });
          items.push(this.convert(w, item, ks.name));
        }
        return;
      }
      const p = pointerJoin(pointer, offset + items.length);
      const loc = wordsLoc(words)!;
      this.locs.set(p, { loc, keywordLoc: words[0]!.loc, valueLoc: loc, node });
      items.push(this.lineItem(words, item, ks.name, p));
    };
    if (lead.length > 0) add(lead, undefined as unknown as StatementNode);
    for (const n of body) {
      if (!isEffective(n)) continue;
      if (n.type === 'block') {
        this.report('unexpected-block', 'error', `a line of \`${ks.name}\` cannot open a block`, n.openLoc, 'remove the braces');
        continue;
      }
      const words: Word[] = [{ text: n.keyword, loc: n.keywordLoc, ...(n.quoted ? {} : {}) }, ...wordsOf(n)];
      add(words, n);
    }
    return items;
  }

  private lineItem(words: Word[], item: JsonSchema, kw: string, pointer: string): unknown {
    const codecName = item['x-kaconf-codec'] as string | undefined;
    if (codecName) {
      const c = codec(codecName);
      if (c && c.kind === 'line') {
        const r = c.read(words);
        this.codecProblems(kw, r.problems, words);
        this.deprecatedFields(item, r.fieldWords ?? {}, words);
        for (const [field, idx] of Object.entries(r.fieldWords ?? {})) {
          const loc = wordsLoc(idx.map((k) => words[k]!).filter(Boolean));
          if (loc) this.locs.set(pointerJoin(pointer, field), { loc, keywordLoc: loc, valueLoc: loc });
        }
        return r.value;
      }
      this.report('invalid-value', 'warning', `kaconf cannot read \`${kw}\` lines yet (no '${codecName}' reader); not checked`, wordsLoc(words)!);
      return words.map((w) => w.text).join(' ');
    }
    if (schemaTypes(item).includes('object') || item['x-kaconf-args']) {
      return this.readArgs(words, (item['x-kaconf-args'] as ArgSpec[] | undefined) ?? [], item, pointer, kw);
    }
    if (words.length > 1) {
      this.report('extra-arguments', 'warning', `a line of \`${kw}\` takes one word; keepalived ignores ${words.slice(1).map((w) => `'${w.text}'`).join(' ')}`, wordsLoc(words.slice(1))!, 'put each entry on its own line');
    }
    return this.convert(words[0]!, item, kw);
  }
}

export function buildModel(ast: Node[], version: Version): ModelResult {
  const b = new ModelBuilder(vocabulary(codecFields), version);
  const document = b.build(ast);
  return { document, locs: b.locs, diagnostics: b.diagnostics, duplicates: b.duplicates, duplicateNames: b.duplicateNames };
}
