/**
 * `kaconf convert`: keepalived.conf ⇄ JSON ⇄ YAML through the lossless Document
 * (src/model/lossless.ts). conf → JSON/YAML checks its own round trip and refuses what it
 * could not give back; JSON/YAML → conf validates the input against the schemas first.
 */
import { isDeepStrictEqual } from 'node:util';
import { canonicalize } from '../format/canonical.js';
import { printConf } from '../format/print.js';
import { parseText } from '../syntax/index.js';
import type { Document } from './build.js';
import { pointerJoin } from './build.js';
import { astToDocument, documentToAst, type LosslessDocument } from './lossless.js';
import { parseVersion, type Version } from './versions.js';
import { schemaProblems } from './validate.js';
import { fromYaml, toYaml } from './yaml.js';

export type Format = 'conf' | 'json' | 'yaml';

export interface ConvertProblem {
  severity: 'error' | 'warning';
  message: string;
  /** where in the input: a line (conf/YAML/JSON) and, for Documents, the JSON pointer */
  line?: number;
  column?: number;
  pointer?: string;
  hint?: string;
}

export interface ConvertResult {
  output?: string;
  problems: ConvertProblem[];
}

export interface ConvertOptions {
  indent?: number;
  version?: Version;
  /** write the output even when the input does not validate (errors are still reported) */
  force?: boolean;
}

const PREPROCESSOR_KEY = /^(\$[A-Za-z_][A-Za-z0-9_]*|~SEQx?|~LST|include[rmwba]?)$/;
const CONDITION = /^@\^?[^\s]* (.+)$/;

export function formatFromName(file: string): Format | undefined {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.json$/i.test(file)) return 'json';
  if (/\.conf$|keepalived|\.cfg$/i.test(file)) return 'conf';
  return undefined;
}

/** keepalived.conf → the lossless Document, verified to print back as `kaconf fmt` prints the file. */
export function confToDocument(text: string, file: string, indent = 4): { doc?: LosslessDocument; problems: ConvertProblem[] } {
  const parsed = parseText(text, file, { mode: 'raw' });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    return { problems: errors.map((d) => ({ severity: 'error', message: `${d.message} (${d.rule})`, line: d.loc.line, column: d.loc.column, ...(d.hint ? { hint: d.hint } : {}) })) };
  }
  const { document, trivia, lines, problems } = astToDocument(parsed.ast);
  if (problems.length > 0) {
    return { problems: problems.map((d) => ({ severity: 'error', message: d.message, line: d.loc.line, column: d.loc.column, ...(d.hint ? { hint: d.hint } : {}) })) };
  }
  const doc: LosslessDocument = { document, trivia, ...(lines ? { lines } : {}) };
  // the Document must give the file back: compare with what fmt makes of it
  const expected = printConf(canonicalize(parsed.ast), { indent });
  const back = documentToAst(doc);
  const actual = printConf(back.nodes, { indent });
  if (back.problems.length > 0 || actual !== expected) {
    const a = expected.split('\n');
    const b = actual.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const line = lineOfFormatted(parsed.ast, a[i] ?? '', text) ?? 1;
    return {
      problems: [
        {
          severity: 'error',
          message: `kaconf cannot convert this file without changing it: near "${(a[i] ?? '').trim()}" the Document would give back "${(b[i] ?? '').trim()}"`,
          line,
          hint: 'the Document groups repeated keywords at their first place; move them together, then convert again',
        },
      ],
    };
  }
  return { doc, problems: [] };
}

function lineOfFormatted(_ast: unknown, formattedLine: string, text: string): number | undefined {
  const needle = formattedLine.trim().split(/\s+/)[0];
  if (!needle) return undefined;
  const idx = text.split('\n').findIndex((l) => l.trim().startsWith(needle));
  return idx >= 0 ? idx + 1 : undefined;
}

/** The part of a Document the schemas describe: preprocessor keys, raw values and unknown keys left out. */
function schemaView(doc: unknown, names: Map<string, string>, pointer = '', original = ''): unknown {
  if (Array.isArray(doc)) {
    return doc.flatMap((item, i) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const o = item as Document;
        if (typeof o.$raw === 'string') return [];
        if (typeof o['@if'] === 'string') {
          const { '@if': _c, ...rest } = o;
          const v = 'value' in rest && Object.keys(rest).length === 1 ? rest.value : rest;
          names.set(pointerJoin(pointer, i), pointerJoin(original, i));
          return [schemaView(v, names, pointerJoin(pointer, i), pointerJoin(original, i))];
        }
      }
      names.set(pointerJoin(pointer, i), pointerJoin(original, i));
      return [schemaView(item, names, pointerJoin(pointer, i), pointerJoin(original, i))];
    });
  }
  if (!doc || typeof doc !== 'object') return doc;
  const out: Document = {};
  for (const [k, v] of Object.entries(doc as Document)) {
    if (PREPROCESSOR_KEY.test(k) || k === '$args' || k === '$raw') continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Document).$raw === 'string' && Object.keys(v).length === 1) continue;
    const m = CONDITION.exec(k);
    const key = m ? m[1]! : k;
    if (m && key in out) continue;
    const p = pointerJoin(pointer, key);
    const o = pointerJoin(original, k);
    names.set(p, o);
    out[key] = schemaView(v, names, p, o);
  }
  return out;
}

/** Check a Document against the schemas (of one release); unknown keywords are warnings. */
export function checkDocument(doc: Document, version: Version, lineOf: (pointer: string) => number | undefined): ConvertProblem[] {
  const names = new Map<string, string>();
  const view = schemaView(doc, names);
  const out: ConvertProblem[] = [];
  for (const p of schemaProblems(view, version)) {
    const at = p.unknown !== undefined ? pointerJoin(p.pointer, p.unknown) : p.pointer;
    const original = names.get(at) ?? at;
    let line: number | undefined;
    for (let q = original; ; q = q.slice(0, q.lastIndexOf('/'))) {
      line = lineOf(q);
      if (line !== undefined || !q.includes('/')) break;
    }
    out.push({
      severity: p.unknown !== undefined ? 'warning' : 'error',
      message: p.unknown !== undefined ? `\`${p.unknown}\` is not a keepalived keyword here; it is written as it is` : p.message,
      pointer: original,
      ...(line !== undefined ? { line } : {}),
      ...(p.hint ? { hint: p.hint } : {}),
    });
  }
  return out;
}

/** JSON/YAML text → the lossless Document, with problems located in the input. */
function readDocument(text: string, from: 'json' | 'yaml'): { doc?: LosslessDocument; problems: ConvertProblem[]; lineOf: (p: string) => number | undefined } {
  if (from === 'yaml') {
    const r = fromYaml(text);
    const problems: ConvertProblem[] = r.problems.map((p) => ({ severity: 'error', message: `YAML: ${p.message}`, line: p.line, column: p.column }));
    return { ...(r.doc ? { doc: r.doc } : {}), problems, lineOf: (p) => r.lines.get(p) };
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { problems: [{ severity: 'error', message: 'the JSON must be an object of keepalived keywords', line: 1 }], lineOf: () => undefined };
    }
    return { doc: { document: value as Document, trivia: new Map() }, problems: [], lineOf: (p) => jsonLine(text, p) };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : 1;
    return { problems: [{ severity: 'error', message: `JSON: ${(e as Error).message}`, line }], lineOf: () => undefined };
  }
}

/** The line of a JSON pointer's key in JSON text (best effort: the last key of the pointer after its parent). */
function jsonLine(text: string, pointer: string): number | undefined {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let from = 0;
  for (const part of parts) {
    if (/^\d+$/.test(part)) continue;
    const i = text.indexOf(JSON.stringify(part), from);
    if (i < 0) return undefined;
    from = i;
  }
  return text.slice(0, from).split('\n').length;
}

export function convert(text: string, file: string, from: Format, to: Format, options: ConvertOptions = {}): ConvertResult {
  const indent = options.indent ?? 4;
  const version = options.version ?? parseVersion('2.3.2')!;
  let doc: LosslessDocument | undefined;
  const problems: ConvertProblem[] = [];
  if (from === 'conf') {
    const r = confToDocument(text, file, indent);
    if (!r.doc) return { problems: r.problems };
    doc = r.doc;
  } else {
    const r = readDocument(text, from);
    problems.push(...r.problems);
    if (!r.doc) return { problems };
    doc = r.doc;
    problems.push(...checkDocument(doc.document, version, r.lineOf));
    if (problems.some((p) => p.severity === 'error') && !options.force) return { problems };
  }
  if (to === 'json') return { output: JSON.stringify(doc.document, null, 2) + '\n', problems };
  if (to === 'yaml') return { output: toYaml(doc), problems };
  const back = documentToAst(doc);
  if (back.problems.length > 0) {
    return { problems: [...problems, ...back.problems.map((p) => ({ severity: 'error' as const, message: p.message, pointer: p.pointer }))] };
  }
  const output = printConf(back.nodes, { indent });
  // what we write must read back as the same Document
  const check = confToDocument(output, file, indent);
  if (check.doc && from !== 'conf' && !isDeepStrictEqual(stripTrivia(check.doc.document), stripTrivia(doc.document))) {
    problems.push({ severity: 'warning', message: 'the written keepalived.conf reads back slightly differently (a value was normalised)' });
  }
  return { output, problems };
}

function stripTrivia(d: Document): unknown {
  return JSON.parse(JSON.stringify(d));
}
