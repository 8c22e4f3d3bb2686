/**
 * Document value → the words keepalived reads (the inverse of src/model/build.ts): used by
 * the formatter (canonical values) and by `convert` (JSON/YAML → keepalived.conf).
 * Returns undefined for a value it cannot write.
 */
import { codec } from './codecs.js';
import type { ArgSpec, JsonSchema, KeywordSpec, Vocabulary } from './vocabulary.js';

/** A number as keepalived reads it: never in exponent notation. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  let s = String(n);
  if (/e/i.test(s)) s = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

function types(s: JsonSchema): string[] {
  return Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : [];
}

export class WordWriter {
  constructor(private readonly vocab: Vocabulary) {}

  /** The words after a flag or value keyword. `null`: the statement is left out (a flag set to false). */
  valueWords(value: unknown, ks: KeywordSpec): string[] | null | undefined {
    const s = ks.schema;
    if (ks.kind === 'flag') {
      if (value === true) return [];
      if (value === false) return s['x-kaconf-bool-arg'] === true ? ['false'] : null;
      return typeof value === 'string' ? [value] : undefined;
    }
    if (value === true && this.acceptsBare(s)) return [];
    const lineCodec = s['x-kaconf-codec'] as string | undefined;
    if (lineCodec) {
      const c = codec(lineCodec);
      if (c?.kind === 'line') {
        if (types(s).includes('object')) return value && typeof value === 'object' ? c.print(value as Record<string, unknown>) : undefined;
        const text = scalar(value);
        return text === undefined ? undefined : c.print({ value: text });
      }
    }
    const alts = (s.anyOf ?? s.oneOf ?? []).map((a) => this.vocab.resolve(a));
    const objectAlt = types(s).includes('object') || s['x-kaconf-args'] ? s : alts.find((a) => types(a).includes('object'));
    const arrayAlt = types(s).includes('array') ? s : alts.find((a) => types(a).includes('array'));
    if (objectAlt && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return this.argsWords(value as Record<string, unknown>, (objectAlt['x-kaconf-args'] as ArgSpec[] | undefined) ?? []);
    }
    if (arrayAlt && Array.isArray(value)) {
      const out: string[] = [];
      for (const v of value) {
        const w = scalar(v);
        if (w === undefined) return undefined;
        out.push(w);
      }
      return out;
    }
    const w = scalar(value);
    return w === undefined ? undefined : [w];
  }

  private acceptsBare(s: JsonSchema): boolean {
    return (s.anyOf ?? s.oneOf ?? []).some((a) => this.vocab.resolve(a).const === true);
  }

  /** An object read by x-kaconf-args: positional arguments first, then options in the object's order. */
  argsWords(value: Record<string, unknown>, args: ArgSpec[]): string[] | undefined {
    const out: string[] = [];
    const used = new Set<string>();
    for (const a of args) {
      if (a.option !== undefined || a.rest) continue;
      const names = Array.isArray(a.name) ? a.name : [a.name!];
      if (value[names[0]!] === undefined) {
        if (a.optional) continue;
        return undefined;
      }
      names.forEach((n) => used.add(n));
      if (a.codec) {
        const c = codec(a.codec);
        if (c?.kind !== 'word') return undefined;
        const fields: Record<string, unknown> = {};
        for (const n of names) if (value[n] !== undefined) fields[n] = scalar(value[n]);
        out.push(c.print(fields));
      } else {
        const w = scalar(value[names[0]!]);
        if (w === undefined) return undefined;
        out.push(w);
      }
    }
    const options = new Map<string, ArgSpec>();
    for (const a of args) if (a.option !== undefined) options.set(typeof a.name === 'string' ? a.name : a.option, a);
    const rest = args.find((a) => a.rest);
    for (const [k, v] of Object.entries(value)) {
      if (used.has(k) || v === undefined) continue;
      const opt = options.get(k);
      if (opt) {
        if (opt.flag) {
          if (v === true) out.push(opt.option!);
          else if (v !== false) return undefined;
          continue;
        }
        if (opt.values) {
          if (!Array.isArray(v)) return undefined;
          const ws = v.map(scalar);
          if (ws.some((w) => w === undefined)) return undefined;
          out.push(opt.option!, ...(ws as string[]));
          continue;
        }
        const w = scalar(v);
        if (w === undefined) return undefined;
        out.push(opt.option!, w);
        continue;
      }
      if (rest && k === rest.rest) continue;
      return undefined;
    }
    if (rest && Array.isArray(value[rest.rest!])) out.push(...(value[rest.rest!] as unknown[]).map((x) => String(x)));
    return out;
  }

  /** One item of a list-block, as the words of its line. */
  itemWords(item: unknown, itemSchema: JsonSchema): string[] | undefined {
    const s = this.vocab.resolve(itemSchema);
    const lineCodec = s['x-kaconf-codec'] as string | undefined;
    if (lineCodec) {
      const c = codec(lineCodec);
      if (c?.kind === 'line' && item && typeof item === 'object') return c.print(item as Record<string, unknown>);
      return typeof item === 'string' ? item.split(/\s+/) : undefined;
    }
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      return this.argsWords(item as Record<string, unknown>, (s['x-kaconf-args'] as ArgSpec[] | undefined) ?? []);
    }
    const w = scalar(item);
    return w === undefined ? undefined : [w];
  }

  /** The words after a keyed block's keyword (`real_server 10.0.0.1 80`). */
  keyWords(value: Record<string, unknown>, ks: KeywordSpec): string[] | undefined {
    if (ks.keyCodec) {
      const c = codec(ks.keyCodec);
      if (c?.kind !== 'line') return undefined;
      const key: Record<string, unknown> = {};
      for (const f of c.fields) if (value[f] !== undefined) key[f] = value[f];
      return c.print(key);
    }
    const key: Record<string, unknown> = {};
    const args = ks.keyArgs ?? [];
    for (const a of args) {
      const names = a.rest ? [a.rest] : Array.isArray(a.name) ? a.name : [typeof a.name === 'string' ? a.name : a.option!];
      for (const n of names) if (value[n] !== undefined) key[n] = value[n];
    }
    return this.argsWords(key, args);
  }
}
