/**
 * Schema validation of a Document with ajv (draft 2020-12), for one keepalived release.
 * ajv errors become diagnostics at the offending value's source location, in words a user
 * reads without knowing JSON Schema.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { diagnostic, type Diagnostic, type Loc } from '../diagnostics.js';
import type { Document, LocIndex } from './build.js';
import { SCHEMA_FILES } from './schema-files.js';
import { formatVersion, versionInRange, type Version } from './versions.js';
import type { JsonSchema } from './vocabulary.js';
import { shown } from './secrets.js';
import { FORMAT_DEFS } from './formats.js';
import { PRECOMPILED } from './precompiled.js';

/** Every vendor keyword of schemas/README.md: annotations, no validation of their own. */
export const VENDOR_KEYWORDS = [
  'x-kaconf-kind',
  'x-kaconf-args',
  'x-kaconf-codec',
  'x-kaconf-item',
  'x-kaconf-repeat',
  'x-kaconf-bool-arg',
  'x-kaconf-unit',
  'x-kaconf-decimals',
  'x-kaconf-since',
  'x-kaconf-until',
  'x-kaconf-deprecated',
  'x-kaconf-versions',
  'x-kaconf-keepalived',
  'x-kaconf-syntax',
  'x-kaconf-on-repeat',
  'x-kaconf-extra-words',
  'x-kaconf-known',
];

const FORMAT_WORDS: Record<string, string> = {
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  ip: 'an IP address',
  'ip-or-host': 'an IP address or host name',
  ifname: 'an interface name (1-15 characters, no blanks, `/` or `:`)',
  'ipv4-lax': 'an IPv4 address',
  'ipv6-lax': 'an IPv6 address',
  'ip-lax': 'an IP address',
};

export function createAjv(code?: Record<string, unknown>): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateFormats: true, inlineRefs: false, ...(code ? { code } : {}) });
  for (const k of VENDOR_KEYWORDS) ajv.addKeyword(k);
  for (const [name, def] of Object.entries(FORMAT_DEFS)) ajv.addFormat(name, def);
  return ajv;
}

/** The schema documents as they apply to one release: version overrides applied, keywords of other releases removed. */
export function schemasFor(version: Version): Record<string, JsonSchema> {
  const transform = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(transform);
    if (!node || typeof node !== 'object') return node;
    let obj = node as Record<string, unknown>;
    const overrides = obj['x-kaconf-versions'] as Array<{ since?: string; until?: string; schema: Record<string, unknown> }> | undefined;
    if (overrides) {
      for (const o of overrides) {
        if (!versionInRange(version, o.since, o.until)) continue;
        const { properties: props, ...rest } = o.schema as { properties?: Record<string, unknown> };
        obj = { ...obj, ...rest };
        if (props) {
          // `"name": true` in an override's properties only declares the name (for ajv's strictRequired)
          const merged = { ...(obj.properties as Record<string, unknown> | undefined) };
          for (const [k, v] of Object.entries(props)) if (v !== true || !(k in merged)) merged[k] = v;
          obj = { ...obj, properties: merged };
        }
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'properties' && v && typeof v === 'object') {
        const props: Record<string, unknown> = {};
        for (const [pk, pv] of Object.entries(v)) {
          const ps = pv as Record<string, unknown>;
          if (!versionInRange(version, ps['x-kaconf-since'] as string | undefined, ps['x-kaconf-until'] as string | undefined)) continue;
          props[pk] = transform(pv);
        }
        out[k] = props;
      } else out[k] = transform(v);
    }
    return out;
  };
  const files: Record<string, JsonSchema> = {};
  for (const [name, doc] of Object.entries(SCHEMA_FILES)) files[name] = transform(doc) as JsonSchema;
  return files;
}

const validators = new Map<string, ValidateFunction>();

/** Compile the Document schema of one release (the build precompiles the known releases). */
export function compileValidator(version: Version, ajv: Ajv2020 = createAjv()): ValidateFunction {
  const files = schemasFor(version);
  for (const [name, doc] of Object.entries(files)) if (name !== 'keepalived.schema.json') ajv.addSchema(doc);
  return ajv.compile(files['keepalived.schema.json']!);
}

/** Load the build's precompiled validator of a release, when there is one (call before linting). */
export async function preloadValidator(version: Version): Promise<void> {
  const key = formatVersion(version);
  const load = PRECOMPILED[key];
  if (load && !validators.has(key)) validators.set(key, await load());
}

export function validatorFor(version: Version): ValidateFunction {
  const key = formatVersion(version);
  let v = validators.get(key);
  if (!v) {
    v = compileValidator(version);
    validators.set(key, v);
  }
  return v;
}


const NAMED_BLOCKS = new Set([
  'vrrp_instance',
  'vrrp_script',
  'vrrp_sync_group',
  'track_file',
  'vrrp_track_file',
  'vrrp_track_process',
  'track_group',
  'bfd_instance',
  'virtual_server_group',
]);

/** What a pointer names, for messages: `/vrrp_instance/VI_1/priority` → `priority`, `/vrrp_instance/VI_1` → `vrrp_instance VI_1`. */
export function keywordOf(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let i = parts.length - 1; i >= 0; i--) {
    if (/^\d+$/.test(parts[i]!)) continue;
    if (i > 0 && NAMED_BLOCKS.has(parts[i - 1]!) && i === parts.length - 1) return `${parts[i - 1]} ${parts[i]}`;
    return parts[i]!;
  }
  return '';
}

function rangeText(s: JsonSchema): string | undefined {
  const min = (s.minimum ?? s.exclusiveMinimum) as number | undefined;
  const max = (s.maximum ?? s.exclusiveMaximum) as number | undefined;
  if (min !== undefined && max !== undefined) {
    const lo = s.exclusiveMinimum !== undefined ? `more than ${min}` : String(min);
    const hi = s.exclusiveMaximum !== undefined ? `less than ${max}` : String(max);
    return s.exclusiveMinimum !== undefined || s.exclusiveMaximum !== undefined ? `${lo} and ${hi}` : `${lo}-${hi}`;
  }
  if (min !== undefined) return s.exclusiveMinimum !== undefined ? `more than ${min}` : `at least ${min}`;
  if (max !== undefined) return s.exclusiveMaximum !== undefined ? `less than ${max}` : `at most ${max}`;
  return undefined;
}

/** One user-facing sentence for an ajv error, or undefined to drop it (a branch of a failed anyOf). */
function describe(e: ErrorObject, kw: string): { message: string; hint?: string; missing?: boolean } | undefined {
  const s = (e.parentSchema ?? {}) as JsonSchema;
  const syntax = s['x-kaconf-syntax'] as string | undefined;
  const value = e.data;
  const what = kw ? `\`${kw}\`` : 'value';
  const show = (v: unknown): string => shown(kw, v);
  switch (e.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: `${what} ${show(value)} is out of range: keepalived accepts ${rangeText(s) ?? String(e.params.limit)}`, hint: syntax ? `syntax: ${syntax}` : undefined };
    case 'type': {
      const want = String(e.params.type);
      const words: Record<string, string> = { integer: 'a whole number', number: 'a number', boolean: 'on/off (or true/false, yes/no)', string: 'a word', array: 'a list' };
      if (want === 'object') return { message: `${what} ${show(value)} is not in the form ${syntax ?? 'the schema describes'}`, hint: syntax ? `syntax: ${syntax}` : undefined };
      return { message: `${what} ${show(value)} is not ${words[want] ?? want}`, hint: syntax ? `syntax: ${syntax}` : undefined };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      return { message: `${what} ${show(value)} is not one of ${allowed.join(', ')}`, hint: `use one of: ${allowed.join(', ')}` };
    }
    case 'const':
      return { message: `${what} must be ${show(e.params.allowedValue)}` };
    case 'format':
      return { message: `${what} ${show(value)} is not ${FORMAT_WORDS[String(e.params.format)] ?? String(e.params.format)}`, hint: syntax ? `syntax: ${syntax}` : undefined };
    case 'pattern':
      return { message: `${what} ${show(value)} is not valid here`, hint: syntax ? `syntax: ${syntax}` : s.description };
    case 'minLength':
      return { message: `${what} must not be empty${Number(e.params.limit) > 1 ? ` (at least ${String(e.params.limit)} characters)` : ''}` };
    case 'maxLength':
      if (kw === 'auth_pass') return { message: `\`auth_pass\` is longer than ${String(e.params.limit)} characters: keepalived reports it and uses only the first ${String(e.params.limit)}`, hint: 'use a password of at most 8 characters (both routers must agree on it)' };
      return { message: `${what} ${show(value)} is too long: keepalived accepts at most ${String(e.params.limit)} characters` };
    case 'minItems':
      return { message: `${what} needs at least ${String(e.params.limit)} ${Number(e.params.limit) === 1 ? 'entry' : 'entries'}` };
    case 'maxItems':
      return { message: `${what} takes at most ${String(e.params.limit)} entries` };
    case 'required':
      return { message: `${kw ? `${what} has` : 'the configuration has'} no \`${String(e.params.missingProperty)}\``, hint: `add \`${String(e.params.missingProperty)}\``, missing: true };
    case 'dependentRequired':
      return { message: `\`${String(e.params.property)}\` needs \`${String(e.params.missingProperty)}\` too` };
    case 'additionalProperties':
      return { message: `${what} has an unexpected \`${String(e.params.additionalProperty)}\`` };
    case 'not':
    case 'if':
      return { message: s.description ? `${what}: ${s.description}` : `${what}: these keywords cannot be used together`, hint: syntax ? `syntax: ${syntax}` : undefined };
    case 'anyOf':
    case 'oneOf': {
      // alternatives that each require a property: name them
      const alts = ((s as Record<string, unknown>)[e.keyword] as JsonSchema[] | undefined) ?? [];
      const needs = alts.map((a) => (Array.isArray(a.required) && a.required.length === 1 ? String(a.required[0]) : undefined));
      const named = needs.filter((n): n is string => n !== undefined);
      if (named.length >= 2 || (named.length === 1 && alts.length === 1)) {
        return { message: `${what} needs \`${named.join('` or `')}\``, hint: syntax ? `syntax: ${syntax}` : `add \`${named[0]}\``, missing: true };
      }
    }
    // falls through
      return { message: `${what} ${value !== null && typeof value === 'object' ? '' : show(value) + ' '}is not valid`.replace(/ +$/, ''), hint: syntax ? `syntax: ${syntax}` : s.description };
    case 'multipleOf':
      return { message: `${what} ${show(value)} must be a multiple of ${String(e.params.multipleOf)}` };
    default:
      return { message: `${what}: ${e.message ?? 'invalid value'}` };
  }
}

export interface SchemaProblem {
  /** JSON pointer of the value (for a missing or unexpected property: of the object) */
  pointer: string;
  keyword: string;
  message: string;
  hint?: string;
  /** an unexpected property (a keyword the schema does not know there) */
  unknown?: string;
  /** something the block at `pointer` lacks (keepalived notices it at the block's `}`) */
  missing?: boolean;
}

/** Run the schema of a release over a value and describe what is wrong in user terms. */
export function schemaProblems(value: unknown, version: Version): SchemaProblem[] {
  const validate = validatorFor(version);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // a failed anyOf/oneOf also reports each branch: keep the most telling one per value
  const combinators = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    // a bad name of a named block: the wrapper error repeats the inner one
    if (e.keyword === 'propertyNames') continue;
    const path = e.instancePath;
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && [...combinators].some((c) => path === c || path.startsWith(c + '/'))) {
      // keep a range error of a numeric value over the generic "not valid"
      if (!(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(e.keyword) && typeof e.data === 'number')) continue;
      combinators.delete(path);
    }
    if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && !combinators.has(path)) continue;
    const unknown = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
    const d = describe(e, keywordOf(unknown !== undefined ? `${path}/${unknown}` : path));
    if (!d) continue;
    // an error about a property name (a named block's name) is located at that name
    const named = (e as ErrorObject & { propertyName?: string }).propertyName;
    out.push({ pointer: named !== undefined ? `${path}/${named.replace(/~/g, '~0').replace(/\//g, '~1')}` : path, keyword: e.keyword, message: d.message, ...(d.hint ? { hint: d.hint } : {}), ...(unknown !== undefined ? { unknown } : {}), ...(d.missing ? { missing: true } : {}) });
  }
  return out;
}

/** Validate a Document; errors located through `locs`. */
export function validateDocument(document: Document, locs: LocIndex, version: Version, fallback: Loc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const p of schemaProblems(document, version)) {
    const ref = locs.find(p.pointer);
    let loc = ref ? (p.keyword === 'required' ? ref.keywordLoc : (ref.valueLoc ?? ref.keywordLoc)) : fallback;
    // keepalived notices what a block lacks when it reaches the block's `}` (and names that line):
    // the finding runs from the keyword to there
    const close = ref?.node?.type === 'block' ? ref.node.closeLoc : undefined;
    if (p.missing && close && close.file === loc.file && close.line >= loc.line) loc = { ...loc, endLine: close.endLine, endColumn: close.endColumn };
    const key = `${loc.file}:${loc.line}:${loc.column}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic('invalid-value', 'error', p.message, loc, p.hint));
  }
  return out;
}
