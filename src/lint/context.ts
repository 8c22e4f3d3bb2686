/** What a rule sees: the Document with its source locations, the AST, the release, and helpers. */
import { diagnostic, type Diagnostic, type Loc } from '../diagnostics.js';
import { pointerJoin, type Document, type LocIndex, type ModelResult, type SourceRef } from '../model/build.js';
import { schemaProblems } from '../model/validate.js';
import { compareVersions, formatVersion, parseVersion, type Version } from '../model/versions.js';
import type { Node } from '../syntax/ast.js';
import type { SourceFile } from '../syntax/source.js';
import type { Report, Rule } from './rule.js';

export type Obj = Record<string, unknown>;

export interface NamedEntry {
  name: string;
  pointer: string;
  body: Obj;
}

export class RuleContext {
  rule!: Rule;
  readonly diagnostics: Diagnostic[] = [];

  readonly document: Document;
  readonly locs: LocIndex;

  constructor(
    readonly file: string,
    readonly model: ModelResult,
    readonly ast: Node[],
    readonly version: Version,
    readonly sources: SourceFile[],
    readonly host: string | undefined,
  ) {
    this.document = model.document;
    this.locs = model.locs;
  }

  private readonly cache = new Map<string, unknown>();

  /** A value rules share for one lint run (computed once, by the first rule that asks). */
  memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const v = compute();
    this.cache.set(key, v);
    return v;
  }

  get versionText(): string {
    return formatVersion(this.version);
  }

  /** The release being linted for is `v` or newer. */
  atLeast(v: string): boolean {
    return compareVersions(this.version, parseVersion(v)!) >= 0;
  }

  ref(pointer: string): SourceRef | undefined {
    return this.locs.find(pointer);
  }

  /** Where a pointer's value (or keyword, or whole statement) is in the source. */
  locate(pointer: string, at: Report['at'] = 'value'): Loc {
    const r = this.locs.find(pointer);
    if (!r) return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    if (at === 'keyword') return r.keywordLoc;
    if (at === 'statement') return r.loc;
    return r.valueLoc ?? r.keywordLoc;
  }

  private invalidPointers: Set<string> | undefined;

  /** Whether schema validation rejects the value at a pointer (keepalived reports it and ignores it). */
  invalid(pointer: string): boolean {
    this.invalidPointers ??= new Set(schemaProblems(this.document, this.version).map((p) => p.pointer));
    return this.invalidPointers.has(pointer);
  }

  /** Whether a pointer was written in the config (not a default). */
  has(pointer: string): boolean {
    return this.locs.get(pointer) !== undefined;
  }

  report(r: Report): void {
    let loc = r.loc ?? (r.pointer !== undefined ? this.locate(r.pointer, r.at) : this.locate(''));
    const blockPointer = typeof r.toBlockEnd === 'string' ? r.toBlockEnd : r.toBlockEnd ? r.pointer : undefined;
    if (blockPointer !== undefined) {
      const end = this.blockEnd(blockPointer);
      if (end && end.file === loc.file && end.line >= loc.line) loc = { ...loc, endLine: end.endLine, endColumn: end.endColumn };
    }
    const d = diagnostic(this.rule.meta.id, r.severity ?? this.rule.meta.severity, r.message, loc, r.hint);
    if (r.fix) d.fix = r.fix;
    this.diagnostics.push(d);
  }

  /** The `}` of the innermost block that contains a pointer (a named or keyed block, or a block keyword). */
  blockEnd(pointer: string): Loc | undefined {
    for (let p = pointer; p.includes('/'); p = p.slice(0, p.lastIndexOf('/'))) {
      const node = this.locs.get(p)?.node;
      if (node && node.type === 'block') return node.closeLoc;
    }
    return undefined;
  }

  // ---- Document helpers -----------------------------------------------------------------------

  get globalDefs(): Obj {
    return (this.document.global_defs as Obj | undefined) ?? {};
  }

  /** Entries of a named top-level block (`vrrp_instance`, `vrrp_script`, ...), in file order. */
  named(keyword: string): NamedEntry[] {
    // read once per run (rules ask for the instances dozens of times); a copy, so that no rule changes another's list
    const entries = this.memo(`named/${keyword}`, () => {
      const map = (this.document[keyword] as Record<string, Obj> | undefined) ?? {};
      return Object.entries(map).map(([name, body]) => ({ name, pointer: pointerJoin(`/${keyword}`, name), body }));
    });
    return entries.slice();
  }

  instances(): NamedEntry[] {
    return this.named('vrrp_instance');
  }

  /** Whether strict mode applies to an instance: global vrrp_strict, or the instance's strict_mode. */
  strict(instance: Obj): boolean {
    // the model reads flags as the selected release does (2.2.7 ignores an on/off word);
    // a word keepalived cannot read leaves the global setting in force
    const own = instance.strict_mode;
    if (typeof own === 'boolean') return own;
    return this.globalDefs.vrrp_strict === true;
  }

  /** The pointer of the keyword that put an instance in strict mode (for messages). */
  strictSource(instancePointer: string, instance: Obj): string {
    return instance.strict_mode !== undefined ? `${instancePointer}/strict_mode` : '/global_defs/vrrp_strict';
  }
}
