/**
 * Named word readers (the `codec` / `x-kaconf-codec` names in schemas/): they turn words that
 * hold more than one field into Document properties, and print them back as words.
 *
 * A word codec reads one word (`10.0.0.1/24` → address + prefix); a line codec reads all
 * the words of a line or key whose shape is irregular (a route, a virtual_server key).
 * Reading never throws: what cannot be read is kept as written and reported as a problem, so
 * that validation and lint can say what is wrong.
 */
import type { Loc } from '../diagnostics.js';
import { isIPv4, isIPv6 } from 'node:net';
import { integerOrText } from './codecs/numbers.js';
import { route } from './codecs/route.js';
import { rule } from './codecs/rule.js';
import { ipvlan, vmac } from './codecs/vmac.js';

export interface Word {
  text: string;
  loc: Loc;
  quoted?: boolean;
}

export interface CodecProblem {
  message: string;
  /** index of the word the problem is about (default: the first) */
  word?: number;
  hint?: string;
}

export interface LineResult {
  value: Record<string, unknown>;
  problems: CodecProblem[];
  /** the words each property came from, for locations */
  fieldWords?: Record<string, number[]>;
}

export interface WordCodec {
  kind: 'word';
  fields: string[];
  read(word: string): Record<string, unknown>;
  print(value: Record<string, unknown>): string;
}

export interface LineCodec {
  kind: 'line';
  fields: string[];
  read(words: Word[]): LineResult;
  print(value: Record<string, unknown>): string[];
}

export type Codec = WordCodec | LineCodec;

/** A number as keepalived's strtoul reads a decimal integer, or the text when it is not one (codecs/numbers.ts). */
export { integerOrText };

const ipPrefix: WordCodec = {
  kind: 'word',
  fields: ['address', 'prefix'],
  read(word) {
    const slash = word.indexOf('/');
    if (slash < 0) return { address: word };
    return { address: word.slice(0, slash), prefix: integerOrText(word.slice(slash + 1)) };
  },
  print(v) {
    return v.prefix === undefined ? String(v.address) : `${String(v.address)}/${String(v.prefix)}`;
  },
};

/** All words joined with nothing between them (`umask IRUSR | IWUSR`). */
const joinWords: LineCodec = {
  kind: 'line',
  fields: [],
  read(words) {
    return { value: { value: words.map((w) => w.text).join('') }, problems: [] };
  },
  print(v) {
    return [String(v.value)];
  },
};

/** `virtual_server IP [PORT]` | `fwmark N` | `group NAME` (docs/research/ipvs.md §3.1). */
const vsKey: LineCodec = {
  kind: 'line',
  fields: ['address', 'port', 'fwmark', 'group'],
  read(words) {
    const problems: CodecProblem[] = [];
    const first = words[0]?.text;
    if (first === undefined) return { value: {}, problems: [{ message: 'needs an address and port, `fwmark N` or `group NAME`' }] };
    if (first === 'fwmark' || first === 'group') {
      if (words.length < 2) return { value: {}, problems: [{ message: `\`${first}\` needs a value` }] };
      if (words.length > 2) problems.push({ message: `unexpected word '${words[2]!.text}'`, word: 2 });
      const value = first === 'fwmark' ? { fwmark: integerOrText(words[1]!.text) } : { group: words[1]!.text };
      return { value, problems, fieldWords: { [first]: [1] } };
    }
    const value: Record<string, unknown> = { address: first };
    const fieldWords: Record<string, number[]> = { address: [0] };
    if (words.length > 1) {
      value.port = integerOrText(words[1]!.text);
      fieldWords.port = [1];
    }
    if (words.length > 2) problems.push({ message: `unexpected word '${words[2]!.text}'`, word: 2 });
    return { value, problems, fieldWords };
  },
  print(v) {
    if (v.fwmark !== undefined) return ['fwmark', String(v.fwmark)];
    if (v.group !== undefined) return ['group', String(v.group)];
    return v.port === undefined ? [String(v.address)] : [String(v.address), String(v.port)];
  },
};

/** One line of a virtual_server_group (docs/research/ipvs.md §3.1). */
const vsgEntry: LineCodec = {
  kind: 'line',
  fields: ['address', 'prefix', 'range_end', 'port', 'fwmark', 'family'],
  read(words) {
    const problems: CodecProblem[] = [];
    const first = words[0]?.text ?? '';
    if (first === 'fwmark') {
      const value: Record<string, unknown> = {};
      const fieldWords: Record<string, number[]> = {};
      if (words.length < 2) problems.push({ message: '`fwmark` needs a value' });
      else {
        value.fwmark = integerOrText(words[1]!.text);
        fieldWords.fwmark = [1];
      }
      if (words.length > 2) {
        value.family = words[2]!.text;
        fieldWords.family = [2];
      }
      if (words.length > 3) problems.push({ message: `unexpected word '${words[3]!.text}'`, word: 3 });
      return { value, problems, fieldWords };
    }
    const value: Record<string, unknown> = {};
    const fieldWords: Record<string, number[]> = { address: [0] };
    const slash = first.indexOf('/');
    const dash = first.indexOf('-');
    if (slash >= 0) {
      value.address = first.slice(0, slash);
      value.prefix = integerOrText(first.slice(slash + 1));
      fieldWords.prefix = [0];
    } else if (dash >= 0) {
      value.address = first.slice(0, dash);
      value.range_end = first.slice(dash + 1);
      fieldWords.range_end = [0];
    } else value.address = first;
    if (words.length > 1) {
      value.port = integerOrText(words[1]!.text);
      fieldWords.port = [1];
    }
    if (words.length > 2) problems.push({ message: `unexpected word '${words[2]!.text}'`, word: 2 });
    return { value, problems, fieldWords };
  },
  print(v) {
    if (v.fwmark !== undefined) return v.family === undefined ? ['fwmark', String(v.fwmark)] : ['fwmark', String(v.fwmark), String(v.family)];
    let addr = String(v.address);
    if (v.prefix !== undefined) addr += `/${String(v.prefix)}`;
    else if (v.range_end !== undefined) addr += `-${String(v.range_end)}`;
    return v.port === undefined ? [addr] : [addr, String(v.port)];
  },
};

const codecs = new Map<string, Codec>([
  ['ip-prefix', ipPrefix],
  ['join-words', joinWords],
  ['vs-key', vsKey],
  ['vsg-entry', vsgEntry],
  ['route', route],
  ['rule', rule],
  ['vmac', vmac],
  ['ipvlan', ipvlan],
]);

export function registerCodec(name: string, codec: Codec): void {
  codecs.set(name, codec);
}

export function codec(name: string): Codec | undefined {
  return codecs.get(name);
}

export function codecFields(name: string): string[] {
  return codecs.get(name)?.fields ?? [];
}

export function isIp(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}
