/**
 * The keepalived vocabulary, read from schemas/: which keywords each block holds, how their
 * words become a Document value (x-kaconf-kind, x-kaconf-args, ...), and in which releases
 * they exist. Nothing else in kaconf lists keywords.
 */
import { SCHEMA_FILES } from './schema-files.js';
import { versionInRange, type Version } from './versions.js';

export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
  $ref?: string;
};

export type Kind = 'flag' | 'value' | 'block' | 'named-block' | 'keyed-block' | 'list-block';

export interface ArgSpec {
  name?: string | string[];
  option?: string;
  optional?: boolean;
  codec?: string;
  flag?: boolean;
  values?: number;
  rest?: string;
}

export interface Deprecation {
  since?: string;
  use?: string;
  message?: string;
  /** what keepalived does: `error` reports it (-t fails), `log` only logs, `silent` says nothing */
  keepalived?: 'error' | 'log' | 'silent';
  /** `use` is the same keyword under its new name: renaming it is a safe fix */
  rename?: boolean;
}

export interface KeywordSpec {
  name: string;
  kind: Kind;
  /** the keyword's schema, $ref resolved */
  schema: JsonSchema;
  repeat: boolean;
  /** block, named-block and keyed-block: the body's keywords */
  body?: BlockSpec;
  /** named-block whose body is a list-block (virtual_server_group) */
  namedList?: KeywordSpec;
  /** list-block: one item's schema, and whether items are words or lines */
  item?: JsonSchema;
  itemMode?: 'word' | 'line';
  /** keyed-block: how the words after the keyword are read */
  keyArgs?: ArgSpec[];
  keyCodec?: string;
  since?: string;
  until?: string;
  deprecated?: Deprecation;
  /** the block this keyword was declared in (for "belongs in ..." hints) */
  owner: string;
}

export interface BlockSpec {
  /** name of the block, e.g. `vrrp_instance`, `root` */
  name: string;
  schema: JsonSchema;
  /** keyword names the block accepts (all releases) */
  keywords(): string[];
  keyword(name: string): KeywordSpec | undefined;
}

const BASE = 'https://kaconf.dev/schemas/';

/** Schema documents by $id, and which document every schema object belongs to. */
class SchemaStore {
  readonly docs = new Map<string, JsonSchema>();
  private readonly docOf = new WeakMap<object, string>();

  constructor(files: Record<string, JsonSchema>) {
    for (const [file, doc] of Object.entries(files)) {
      const id = (doc.$id as string | undefined) ?? BASE + file;
      this.docs.set(id, doc);
      this.mark(doc, id);
    }
  }

  private mark(node: unknown, id: string): void {
    if (!node || typeof node !== 'object' || this.docOf.has(node)) return;
    this.docOf.set(node, id);
    for (const v of Object.values(node)) this.mark(v, id);
  }

  /** Follow `$ref` (also chains, across files); sibling keywords override the target's. */
  resolve(schema: JsonSchema): JsonSchema {
    let s = schema;
    for (let guard = 0; s.$ref && guard < 32; guard++) {
      const base = this.docOf.get(s) ?? BASE;
      const url = new URL(s.$ref, base);
      const doc = this.docs.get(url.origin + url.pathname);
      if (!doc) throw new Error(`schema $ref not found: ${s.$ref} (from ${base})`);
      let target: unknown = doc;
      for (const part of url.hash.replace(/^#\/?/, '').split('/').filter(Boolean)) {
        target = (target as Record<string, unknown>)[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      if (!target) throw new Error(`schema $ref not found: ${s.$ref}`);
      const { $ref: _ref, ...siblings } = s;
      const merged = { ...(target as JsonSchema), ...siblings } as JsonSchema;
      this.docOf.set(merged, url.origin + url.pathname);
      s = merged;
    }
    return s;
  }

  get(file: string): JsonSchema {
    const d = this.docs.get(BASE + file);
    if (!d) throw new Error(`no schema ${file}`);
    return d;
  }
}

/** Names of the properties a key reader (x-kaconf-args or a named codec) fills. */
export function keyFieldNames(args: ArgSpec[] | undefined, codec: string | undefined, codecFields: (codec: string) => string[]): string[] {
  const out: string[] = [];
  for (const a of args ?? []) {
    if (a.rest) out.push(a.rest);
    else if (a.option !== undefined) out.push(typeof a.name === 'string' ? a.name : a.option);
    else if (Array.isArray(a.name)) out.push(...a.name);
    else if (a.name) out.push(a.name);
  }
  if (codec) out.push(...codecFields(codec));
  return out;
}

export class Vocabulary {
  readonly store: SchemaStore;
  readonly root: BlockSpec;
  private readonly blockCache = new WeakMap<object, BlockSpec>();
  /** every keyword name → the blocks that declare it (for "belongs in" hints) */
  private owners: Map<string, Set<string>> | undefined;

  constructor(
    files: Record<string, JsonSchema>,
    private readonly codecFields: (codec: string) => string[],
  ) {
    this.store = new SchemaStore(files);
    this.root = this.block('root', this.store.get('keepalived.schema.json'));
  }

  resolve(s: JsonSchema): JsonSchema {
    return this.store.resolve(s);
  }

  /** The block spec of an object schema (its properties are keywords), minus `exclude`. */
  block(name: string, schema: JsonSchema, exclude: string[] = []): BlockSpec {
    const cached = exclude.length === 0 ? this.blockCache.get(schema) : undefined;
    if (cached) return cached;
    const props = schema.properties ?? {};
    const specs = new Map<string, KeywordSpec | null>();
    const vocab = this;
    const spec: BlockSpec = {
      name,
      schema,
      keywords: () => Object.keys(props).filter((k) => !exclude.includes(k)),
      keyword(kw: string): KeywordSpec | undefined {
        if (exclude.includes(kw) || !Object.prototype.hasOwnProperty.call(props, kw)) return undefined;
        let ks = specs.get(kw);
        if (ks === undefined) {
          ks = vocab.keywordSpec(kw, props[kw]!, name);
          specs.set(kw, ks);
        }
        return ks ?? undefined;
      },
    };
    if (exclude.length === 0) this.blockCache.set(schema, spec);
    return spec;
  }

  private keywordSpec(name: string, raw: JsonSchema, owner: string): KeywordSpec {
    const schema = this.resolve(raw);
    const kind = (schema['x-kaconf-kind'] as Kind | undefined) ?? 'value';
    const ks: KeywordSpec = {
      name,
      kind,
      schema,
      repeat: schema['x-kaconf-repeat'] === true,
      owner,
    };
    if (typeof schema['x-kaconf-since'] === 'string') ks.since = schema['x-kaconf-since'];
    if (typeof schema['x-kaconf-until'] === 'string') ks.until = schema['x-kaconf-until'];
    if (schema['x-kaconf-deprecated']) ks.deprecated = schema['x-kaconf-deprecated'] as Deprecation;
    const arrayItems = schema.type === 'array' && schema.items ? this.resolve(schema.items) : undefined;
    switch (kind) {
      case 'block':
        ks.body = this.block(name, arrayItems ?? schema);
        if (arrayItems) ks.repeat = true;
        break;
      case 'named-block': {
        const inner = this.resolve((schema.additionalProperties as JsonSchema | undefined) ?? {});
        if (inner['x-kaconf-kind'] === 'list-block') ks.namedList = this.keywordSpec(name, inner, owner);
        else ks.body = this.block(name, inner);
        break;
      }
      case 'keyed-block': {
        const items = arrayItems ?? schema;
        ks.repeat = true;
        const args = items['x-kaconf-args'] as ArgSpec[] | undefined;
        const codec = items['x-kaconf-codec'] as string | undefined;
        if (args) ks.keyArgs = args;
        if (codec) ks.keyCodec = codec;
        ks.body = this.block(name, items, keyFieldNames(args, codec, this.codecFields));
        break;
      }
      case 'list-block':
        ks.item = this.resolve(arrayItems ?? schema.items ?? {});
        ks.itemMode = schema['x-kaconf-item'] === 'word' ? 'word' : 'line';
        break;
      default:
        break;
    }
    return ks;
  }

  /** Whether a keyword exists in a release (outside its since/until it is unknown there). */
  static available(ks: KeywordSpec, version: Version): boolean {
    return versionInRange(version, ks.since, ks.until);
  }

  /** The blocks (by name) that declare `keyword`, searched over the whole vocabulary. */
  ownersOf(keyword: string): string[] {
    if (!this.owners) {
      this.owners = new Map();
      const seen = new Set<BlockSpec>();
      const visit = (b: BlockSpec): void => {
        if (seen.has(b)) return;
        seen.add(b);
        for (const kw of b.keywords()) {
          const ks = b.keyword(kw);
          if (!ks) continue;
          let set = this.owners!.get(kw);
          if (!set) this.owners!.set(kw, (set = new Set()));
          set.add(b.name);
          if (ks.body) visit(ks.body);
        }
      };
      visit(this.root);
    }
    return [...(this.owners.get(keyword) ?? [])];
  }
}

let shared: Vocabulary | undefined;

export function vocabulary(codecFields: (codec: string) => string[]): Vocabulary {
  shared ??= new Vocabulary(SCHEMA_FILES, codecFields);
  return shared;
}
