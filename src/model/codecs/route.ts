/**
 * `route`: one line of `virtual_routes` / `static_routes` → common.schema.json#/$defs/virtual_route
 * (or static_route). Grammar: docs/research/vrrp.md §4.2, checked against keepalived 2.2.7 and 2.3.2.
 *
 * keepalived reads a route line in one pass: every word is either an option (with its value words)
 * or, failing that, the destination (optionally after `to` or a route type). Options may come in
 * any order, and a later value of the same option replaces the earlier one; the first `nexthop`
 * ends the options and only further next hops may follow it. Words after `inet`/`inet6` are
 * skipped by keepalived (the loop steps over them), so the printer puts the family last.
 *
 * The helpers exported here are shared with the `rule` and `vmac`/`ipvlan` codecs; ../codecs.js
 * registers all of them by name. These modules import only types from ../codecs.js, so they can be
 * loaded on their own.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isIPv4, isIPv6 } from 'node:net';
import type { CodecProblem, LineCodec, LineResult, Word } from '../codecs.js';
import { integerOrText } from './numbers.js';

const isIp = (text: string): boolean => isIPv4(text) || isIPv6(text);

export type Family = 4 | 6;

/**
 * A number as keepalived's `strtoul(…, 0)` reads it (tables, scopes, protocols, realms, groups,
 * dsfield, rule preference): a plain decimal becomes a number; 0x-hex and 0-octal stay as written
 * (their value differs from what a decimal reading would give), so do names.
 */
export function base0(text: string): number | string {
  if (/^\+?0[0-7]+$/.test(text) || /^\+?0[xX]/.test(text)) return text;
  return integerOrText(text);
}

/** The value of a strtoul(…, 0) number, or undefined when the text is not one. */
export function base0Value(text: string): number | undefined {
  const t = text.replace(/^\+/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
  if (/^0[0-7]*$/.test(t)) return t.length > 1 ? parseInt(t.slice(1), 8) : 0;
  if (/^[1-9][0-9]*$/.test(t)) return Number(t);
  return undefined;
}

/** Route type words keepalived knows (lib/rttables.c); any number 0-255 is also a type. */
export const RTN_TYPES = ['unicast', 'local', 'broadcast', 'brd', 'anycast', 'multicast', 'prohibit', 'unreachable', 'blackhole', 'throw', 'nat', 'xresolve'];

/** What keepalived's route-type lookup accepts: a type word or a number 0-255 (base 0). */
export function isRouteType(text: string): boolean {
  if (RTN_TYPES.includes(text)) return true;
  const n = base0Value(text);
  return n !== undefined && n <= 255;
}

/** The family keepalived gives an address word: IPv6 when it holds a ':'. */
export function addressFamily(text: string): Family {
  return text.includes(':') ? 6 : 4;
}

/** A route/rule address (`default`, `any`, `all`, `default6`, `ADDR[/LEN]`): its family, if it fixes one. */
export function destinationFamily(text: string): Family | undefined {
  if (text === 'default' || text === 'any' || text === 'all') return undefined;
  if (text === 'default6') return 6;
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  return isIp(addr) ? addressFamily(addr) : undefined;
}

/** A word that is meant as an address (right or wrong), not a misspelt option. */
export function looksLikeAddress(text: string): boolean {
  if (['default', 'any', 'all', 'default6'].includes(text)) return true;
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  if (addr.includes(':')) return /^[0-9A-Fa-f:.]+$/.test(addr);
  return /^[0-9.]+$/.test(addr) && addr.includes('.');
}

const FAMILY_WORDS: Record<string, Family> = { inet: 4, inet6: 6 };

/**
 * Cursor over the words of one route or rule line, collecting the value, the words each field
 * came from, and problems. keepalived stops reading the whole configuration when an option's value
 * is missing at the end of a line; `stopped` then ends the reading.
 */
export class LineReader {
  readonly value: Record<string, unknown> = {};
  readonly problems: CodecProblem[] = [];
  readonly fieldWords: Record<string, number[]> = {};
  stopped = false;
  private family: Family | undefined;
  private familyWord = -1;
  private familyReported = false;

  constructor(
    readonly words: Word[],
    /** `route` or `rule`, for messages */
    readonly what: string,
    /** the option words, for "did you mean" */
    private readonly options: string[],
  ) {}

  get length(): number {
    return this.words.length;
  }

  text(k: number): string {
    return this.words[k]?.text ?? '';
  }

  problem(word: number, message: string, hint?: string): void {
    const p: CodecProblem = { message, word };
    if (hint) p.hint = hint;
    this.problems.push(p);
  }

  /** Index of the value word that must follow the option at `at`, or undefined (and a problem) at the end of the line. */
  need(k: number, at: number, what?: string): number | undefined {
    if (k < this.words.length) return k;
    this.problem(
      at,
      `\`${this.text(at)}\` needs ${what ?? 'a value'}`,
      'keepalived stops reading the whole configuration at an option without its value',
    );
    this.stopped = true;
    return undefined;
  }

  set(field: string, value: unknown, words: number[]): void {
    this.value[field] = value;
    this.fieldWords[field] = words;
  }

  drop(field: string): void {
    delete this.value[field];
    delete this.fieldWords[field];
  }

  /**
   * Fix the family of the line, as keepalived does word by word; a word of the other family is
   * reported once (keepalived rejects the line at the first one).
   */
  setFamily(f: Family | undefined, word: number, why: string): void {
    if (f === undefined) return;
    if (this.family === undefined) {
      this.family = f;
      this.familyWord = word;
      return;
    }
    if (this.family === f || this.familyReported) return;
    this.familyReported = true;
    const cur = this.family === 4 ? 'IPv4' : 'IPv6';
    this.problem(
      word,
      `${why}, but this ${this.what} is already ${cur} (because of '${this.text(this.familyWord)}'); keepalived rejects the ${this.what}`,
      `use one address family on a ${this.what}`,
    );
  }

  /** `inet` / `inet6` at `i`: sets the family; keepalived also skips the next word. Returns the next index. */
  readFamily(i: number, harmless: (skipped: string) => boolean): number {
    const w = this.text(i);
    const f = FAMILY_WORDS[w]!;
    this.setFamily(f, i, `\`${w}\` makes it ${f === 4 ? 'IPv4' : 'IPv6'}`);
    this.set('family', w, [i]);
    if (i + 1 < this.words.length) {
      const skipped = this.text(i + 1);
      if (!(skipped in FAMILY_WORDS) && !harmless(skipped)) {
        this.problem(
          i + 1,
          `keepalived skips the word after \`${w}\`, so '${skipped}' is ignored`,
          `move \`${w}\` to the end of the line`,
        );
      }
    }
    return i + 2;
  }

  unknown(i: number, hint: string): void {
    const w = this.text(i);
    // keepalived takes no abbreviations (`proto` for `protocol`): suggest the word it starts
    const prefixed = w.length >= 2 ? this.options.find((o) => o.startsWith(w)) : undefined;
    const guess = prefixed ?? closest(w, this.options);
    const near = prefixed !== undefined || distance(w, guess) <= Math.max(2, Math.floor(w.length / 4));
    this.problem(
      i,
      `unknown word '${w}' in a ${this.what}${near ? `; did you mean \`${guess}\`?` : ''}`,
      near ? `replace it with \`${guess}\`` : hint,
    );
  }

  result(): LineResult {
    return { value: this.value, problems: this.problems, fieldWords: this.fieldWords };
  }
}

/** Route options whose value is one plain (base 10) number. */
const NUMBER_OPTIONS: Record<string, string> = {
  metric: 'metric',
  priority: 'metric',
  preference: 'metric',
  hoplimit: 'hoplimit',
  window: 'window',
  initcwnd: 'initcwnd',
  initrwnd: 'initrwnd',
  quickack: 'quickack',
  fastopen_no_cookie: 'fastopen_no_cookie',
};

/** Options that take `[lock] VALUE`; the rtt timers keep their unit text. */
const LOCK_OPTIONS = ['mtu', 'advmss', 'reordering', 'cwnd', 'ssthresh', 'rtt', 'rttvar', 'rto_min', 'congctl'];

/** Options whose value is a number (base 0) or a name from an iproute2 file, or a plain word. */
const NAME_OPTIONS: Record<string, string> = {
  tos: 'tos',
  dsfield: 'tos',
  table: 'table',
  protocol: 'protocol',
  scope: 'scope',
  dev: 'dev',
  oif: 'dev',
  features: 'features',
  'ttl-propagate': 'ttl-propagate',
  vrf: 'vrf',
};

const MODES = ['add', 'prepend', 'append'];

const ROUTE_OPTIONS = [
  'inet', 'inet6', 'src', 'as', 'via', 'gw', 'from', 'tos', 'dsfield', 'table', 'protocol', 'scope', 'metric',
  'priority', 'preference', 'dev', 'oif', 'onlink', 'encap', 'expires', 'mtu', 'hoplimit', 'advmss', 'rtt', 'rttvar',
  'reordering', 'window', 'cwnd', 'ssthresh', 'realms', 'rto_min', 'initcwnd', 'initrwnd', 'features', 'quickack',
  'congctl', 'pref', 'ttl-propagate', 'fastopen_no_cookie', 'add', 'prepend', 'append', 'or', 'nexthop', 'no_track',
  'track_group', 'vrf', 'to', ...RTN_TYPES,
];

const ENCAP_KEYS: Record<string, string[]> = {
  ip: ['id', 'dst', 'src', 'tos', 'ttl', 'flags'],
  ip6: ['id', 'dst', 'src', 'tc', 'hoplimit', 'flags'],
};

/** `encap TYPE ...` starting at `i` (the word `encap`). Returns the encap object (if any) and the next index. */
function readEncap(r: LineReader, i: number): { encap?: Record<string, unknown>; next: number } {
  const t = i + 1;
  if (t >= r.length) {
    // keepalived checks this one itself: reported, no stop
    r.problem(i, '`encap` needs a type: ip, ip6, mpls or ila');
    return { next: t };
  }
  const type = r.text(t);
  const enc: Record<string, unknown> = { type };
  let j = t + 1;
  if (type === 'ip' || type === 'ip6') {
    const keys = ENCAP_KEYS[type]!;
    const want: Family = type === 'ip' ? 4 : 6;
    // keepalived reads KEY VALUE pairs while the key is one of this type's; anything else ends the encap
    while (j + 1 < r.length && keys.includes(r.text(j))) {
      const key = r.text(j);
      const val = r.text(j + 1);
      if (key === 'dst' || key === 'src') {
        enc[key] = val;
        if (isIp(val) && addressFamily(val) !== want) {
          r.problem(j + 1, `${type} encapsulation takes ${want === 4 ? 'IPv4' : 'IPv6'} addresses; '${val}' is not one`);
        }
      } else if (key === 'tos' || key === 'tc') enc[key] = base0(val);
      else enc[key] = integerOrText(val);
      j += 2;
    }
    if (enc.dst === undefined && enc.id === undefined) {
      r.problem(t, `${type} encapsulation needs \`dst ADDRESS\` or \`id N\``, `add \`dst\` or \`id\` after \`encap ${type}\``);
    }
    return { encap: enc, next: j };
  }
  if (type === 'mpls' || type === 'ila') {
    if (j >= r.length) {
      r.problem(t, type === 'mpls' ? '`encap mpls` needs a label: LABEL[/LABEL]' : '`encap ila` needs a locator: HHHH:HHHH:HHHH:HHHH');
      return { encap: enc, next: j };
    }
    const val = r.text(j);
    if (type === 'mpls') {
      enc.labels = val;
      const labels = val.split('/').map(base0Value);
      if (labels.every((l) => l !== undefined) && (labels.length > 2 || labels.some((l) => l! >= 2 ** 20))) {
        r.problem(j, `MPLS label stack '${val}' is not valid: at most 2 labels, each below 1048576`);
      }
    } else enc.locator = val;
    return { encap: enc, next: j + 1 };
  }
  r.problem(t, `unknown encapsulation type '${type}'`, 'use ip, ip6, mpls or ila');
  // keepalived also steps over the word after an unknown type
  return { next: t + 2 };
}

/** `nexthop ...` groups from `i` (the first `nexthop`) to the end of the line. */
function readNexthops(r: LineReader, start: number): void {
  const hops: Record<string, unknown>[] = [];
  let i = start;
  while (i < r.length && r.text(i) === 'nexthop') {
    i++;
    const nh: Record<string, unknown> = {};
    hops.push(nh);
    while (i < r.length && !r.stopped) {
      const w = r.text(i);
      if (w === 'via') {
        let k = r.need(i + 1, i, 'an address');
        if (k === undefined) break;
        const fw = r.text(k);
        if (fw in FAMILY_WORDS) {
          nh.via_family = fw;
          r.setFamily(FAMILY_WORDS[fw], k, `\`via ${fw}\` makes it ${fw === 'inet' ? 'IPv4' : 'IPv6'}`);
          k = r.need(k + 1, i, 'an address');
          if (k === undefined) break;
        }
        nh.via = r.text(k);
        if (isIp(r.text(k))) r.setFamily(addressFamily(r.text(k)), k, `'${r.text(k)}' is an ${addressFamily(r.text(k)) === 4 ? 'IPv4' : 'IPv6'} address`);
        i = k + 1;
      } else if (w === 'dev' || w === 'weight' || w === 'realms') {
        const k = r.need(i + 1, i);
        if (k === undefined) break;
        if (w === 'dev') nh.dev = r.text(k);
        else if (w === 'weight') nh.weight = integerOrText(r.text(k));
        else {
          nh.realms = base0(r.text(k));
          r.setFamily(4, i, '`realms` is IPv4-only');
        }
        i = k + 1;
      } else if (w === 'onlink') {
        nh.onlink = true;
        i++;
      } else if (w === 'encap') {
        const e = readEncap(r, i);
        if (e.encap) nh.encap = e.encap;
        i = e.next;
      } else if (w === 'as') {
        let k = r.need(i + 1, i, 'an address');
        if (k === undefined) break;
        if (r.text(k) === 'to') k = k + 1;
        r.problem(i, '`as [to] ADDRESS` (NAT) is not supported in a next hop; keepalived rejects it', 'remove it');
        i = k + 1;
      } else break;
    }
  }
  r.set('nexthop', hops, [start, Math.max(start, Math.min(i, r.length) - 1)]);
  if (i < r.length && !r.stopped) {
    r.problem(i, `only further next hops may follow a \`nexthop\`; '${r.text(i)}' is not allowed here`, 'move it before the first `nexthop`');
  }
}

function readRoute(words: Word[]): LineResult {
  const r = new LineReader(words, 'route', ROUTE_OPTIONS);
  const v = r.value;
  let i = 0;
  let trackGroupSeen = false;
  while (i < r.length && !r.stopped) {
    const w = r.text(i);
    if (w in FAMILY_WORDS) {
      // after `inet6` the word `to` can go unread safely: the destination is then read bare
      i = r.readFamily(i, (skipped) => skipped === 'to');
      continue;
    }
    if (w === 'src') {
      const k = r.need(i + 1, i, 'an address');
      if (k === undefined) break;
      r.set('src', r.text(k), [k]);
      if (isIp(r.text(k))) r.setFamily(addressFamily(r.text(k)), k, `'${r.text(k)}' is an ${addressFamily(r.text(k)) === 4 ? 'IPv4' : 'IPv6'} address`);
      i = k + 1;
      continue;
    }
    if (w === 'via' || w === 'gw') {
      let k = r.need(i + 1, i, 'an address');
      if (k === undefined) break;
      const fw = r.text(k);
      let famIdx: number | undefined;
      if (fw in FAMILY_WORDS) {
        famIdx = k;
        r.setFamily(FAMILY_WORDS[fw], k, `\`${w} ${fw}\` makes it ${fw === 'inet' ? 'IPv4' : 'IPv6'}`);
        k = r.need(k + 1, i, 'an address');
        if (k === undefined) break;
      }
      // `gw` is the old spelling of `via`: the later one is used
      r.drop(w === 'via' ? 'gw' : 'via');
      r.drop('via_family');
      r.set(w, r.text(k), [k]);
      if (famIdx !== undefined) r.set('via_family', fw, [famIdx]);
      const a = r.text(k);
      if (isIp(a)) r.setFamily(addressFamily(a), k, `'${a}' is an ${addressFamily(a) === 4 ? 'IPv4' : 'IPv6'} address`);
      i = k + 1;
      continue;
    }
    if (w === 'from') {
      const k = r.need(i + 1, i, 'an IPv6 prefix');
      if (k === undefined) break;
      r.set('from', r.text(k), [k]);
      const f = destinationFamily(r.text(k));
      // `from` is IPv6-only; the schema rejects other values
      if (f === 6) r.setFamily(6, k, `'${r.text(k)}' is an IPv6 prefix`);
      i = k + 1;
      continue;
    }
    if (w === 'as') {
      let k = r.need(i + 1, i, 'an address');
      if (k === undefined) break;
      if (r.text(k) === 'to') {
        k = r.need(k + 1, i, 'an address');
        if (k === undefined) break;
      }
      // keepalived reports it and ignores it; the schema says so
      r.set('as', r.text(k), [i, k]);
      i = k + 1;
      continue;
    }
    if (w in NUMBER_OPTIONS || w in NAME_OPTIONS || w === 'expires' || w === 'realms' || w === 'pref' || w === 'track_group') {
      const k = r.need(i + 1, i);
      if (k === undefined) break;
      const val = r.text(k);
      if (w === 'track_group') {
        if (trackGroupSeen) {
          r.problem(i, 'a route takes one `track_group`; keepalived rejects the route at the second one', 'remove one of them');
          break;
        }
        trackGroupSeen = true;
        r.set('track_group', val, [k]);
      } else if (w in NUMBER_OPTIONS) r.set(NUMBER_OPTIONS[w]!, integerOrText(val), [k]);
      else if (w === 'expires' || w === 'pref') {
        r.setFamily(6, i, `\`${w}\` is IPv6-only`);
        r.set(w, integerOrText(val), [k]);
      } else if (w === 'realms') {
        r.setFamily(4, i, '`realms` is IPv4-only');
        r.set('realms', base0(val), [k]);
      } else {
        const field = NAME_OPTIONS[w]!;
        const numeric = field === 'tos' || field === 'table' || field === 'protocol' || field === 'scope';
        r.set(field, numeric ? base0(val) : val, [k]);
      }
      i = k + 1;
      continue;
    }
    if (LOCK_OPTIONS.includes(w)) {
      let k = r.need(i + 1, i);
      if (k === undefined) break;
      let lockIdx: number | undefined;
      if (r.text(k) === 'lock') {
        lockIdx = k;
        k = r.need(k + 1, i, 'a value after `lock`');
        if (k === undefined) break;
      }
      const val = r.text(k);
      r.set(w, w === 'congctl' ? val : integerOrText(val), [k]);
      // keepalived only ever sets the lock: `mtu lock 1400 mtu 1500` stays locked
      if (lockIdx !== undefined) r.set(`${w}_lock`, true, [lockIdx]);
      i = k + 1;
      continue;
    }
    if (w === 'onlink' || w === 'no_track') {
      r.set(w, true, [i]);
      i++;
      continue;
    }
    if (MODES.includes(w)) {
      r.set('mode', w, [i]);
      i++;
      continue;
    }
    if (w === 'encap') {
      const e = readEncap(r, i);
      if (e.encap) r.set('encap', e.encap, [i, Math.min(e.next, r.length) - 1]);
      i = e.next;
      continue;
    }
    if (w === 'or') {
      if (v.or !== undefined) {
        // keepalived reports it and steps over `or ADDRESS`
        r.problem(i, 'a route takes one `or`; keepalived ignores the second one', 'use `nexthop` groups for more than two paths');
        i += 2;
        continue;
      }
      const k = r.need(i + 1, i, 'an address');
      if (k === undefined) break;
      r.set('or', r.text(k), [k]);
      i = k + 1;
      continue;
    }
    if (w === 'nexthop') {
      readNexthops(r, i);
      i = r.length;
      break;
    }
    // the destination: `to DEST`, `TYPE DEST` or a bare DEST
    let k: number | undefined = i;
    let typeIdx: number | undefined;
    if (w === 'to') k = r.need(i + 1, i, 'a destination');
    else if (isRouteType(w)) {
      typeIdx = i;
      k = r.need(i + 1, i, 'a destination after the route type');
    }
    if (k === undefined) break;
    const dest = r.text(k);
    if (!looksLikeAddress(dest)) {
      if (k === i) r.unknown(i, 'keepalived reads a word it does not know as the destination, and rejects the route when it is not an address');
      else {
        // `to unicast DEST`, `unicast to DEST`: keepalived takes the second word as the destination
        r.problem(k, `'${dest}' is not a destination address; keepalived rejects the route`, 'write `TYPE DEST` or `to DEST`, with DEST an address/prefix or default');
      }
      i = k + 1;
      continue;
    }
    if (typeIdx !== undefined) r.set('type', RTN_TYPES.includes(w) ? w : base0(w), [typeIdx]);
    r.set('to', dest, [k]);
    const f = destinationFamily(dest);
    if (f !== undefined) r.setFamily(f, k, `'${dest}' is an ${f === 4 ? 'IPv4' : 'IPv6'} destination`);
    i = k + 1;
  }
  return r.result();
}

function printEncap(e: Record<string, unknown>): string[] {
  const out = ['encap', String(e.type)];
  const keys = ENCAP_KEYS[String(e.type)];
  if (keys) {
    for (const k of keys) if (e[k] !== undefined) out.push(k, String(e[k]));
  } else if (e.labels !== undefined) out.push(String(e.labels));
  else if (e.locator !== undefined) out.push(String(e.locator));
  return out;
}

function printVia(keyword: string, v: Record<string, unknown>): string[] {
  const out = [keyword];
  if (v.via_family !== undefined) out.push(String(v.via_family));
  out.push(String(v[keyword]));
  return out;
}

/** The destination words: `TYPE DEST`, a bare DEST, or `to DEST` when a bare word would read as something else. */
function printDestination(v: Record<string, unknown>): string[] {
  if (v.to === undefined) return v.type === undefined ? [] : [String(v.type)];
  const to = String(v.to);
  if (v.type !== undefined) return [String(v.type), to];
  return ROUTE_OPTIONS.includes(to) || isRouteType(to) || !looksLikeAddress(to) ? ['to', to] : [to];
}

/**
 * Print order: the one of keepalived's manual (`src <IP> [to] <DEST> via <IP> dev <IF> table ...`),
 * then the words whose position matters: `encap` (it reads KEY VALUE pairs while it knows the key,
 * and `src`, `tos`, `hoplimit` are such keys), the family (keepalived skips the word after it) and
 * the next hops (nothing but next hops may follow them).
 */
const PRINT_VALUES = ['from'];
const PRINT_OPTIONS = [
  'dev', 'table', 'tos', 'protocol', 'scope', 'metric', 'mtu', 'hoplimit', 'advmss', 'rtt', 'rttvar', 'reordering',
  'window', 'cwnd', 'ssthresh', 'realms', 'rto_min', 'initcwnd', 'initrwnd', 'expires', 'pref', 'vrf',
];
const PRINT_TAIL = ['features', 'quickack', 'fastopen_no_cookie', 'congctl', 'ttl-propagate'];

function printRoute(v: Record<string, unknown>): string[] {
  const hops = Array.isArray(v.nexthop) ? (v.nexthop as Record<string, unknown>[]) : undefined;
  const out: string[] = [];
  const dest = printDestination(v);
  // `inet6` makes keepalived skip the next word: it goes last, or, when next hops must end the line,
  // just before `to DEST` (the skipped `to` changes nothing)
  const familyFirst = v.family !== undefined && hops !== undefined && v.to !== undefined;
  if (familyFirst) out.push(String(v.family), 'to', ...(dest[0] === 'to' ? dest.slice(1) : dest));
  if (v.src !== undefined) out.push('src', String(v.src));
  if (!familyFirst) out.push(...dest);
  for (const k of PRINT_VALUES) if (v[k] !== undefined) out.push(k, String(v[k]));
  if (v.via !== undefined) out.push(...printVia('via', v));
  if (v.gw !== undefined) out.push(...printVia('gw', v));
  if (v.or !== undefined) out.push('or', String(v.or));
  for (const k of [...PRINT_OPTIONS, ...PRINT_TAIL]) {
    if (v[k] === undefined) continue;
    out.push(k);
    if (v[`${k}_lock`] === true) out.push('lock');
    out.push(String(v[k]));
  }
  if (v.onlink === true) out.push('onlink');
  if (v.mode !== undefined) out.push(String(v.mode));
  if (v.no_track === true) out.push('no_track');
  if (v.track_group !== undefined) out.push('track_group', String(v.track_group));
  if (v.as !== undefined) out.push('as', 'to', String(v.as));
  if (v.encap !== undefined) out.push(...printEncap(v.encap as Record<string, unknown>));
  if (v.family !== undefined && !familyFirst) {
    out.push(String(v.family));
    // keepalived would skip the `nexthop` after it: give it a word to skip
    if (hops) out.push(String(v.family));
  }
  for (const nh of hops ?? []) {
    out.push('nexthop');
    if (nh.via !== undefined) out.push(...printVia('via', nh));
    if (nh.dev !== undefined) out.push('dev', String(nh.dev));
    if (nh.onlink === true) out.push('onlink');
    if (nh.weight !== undefined) out.push('weight', String(nh.weight));
    if (nh.realms !== undefined) out.push('realms', String(nh.realms));
    if (nh.encap !== undefined) out.push(...printEncap(nh.encap as Record<string, unknown>));
  }
  return out;
}

export const route: LineCodec = {
  kind: 'line',
  fields: [
    'family', 'type', 'to', 'src', 'from', 'via', 'via_family', 'gw', 'tos', 'table', 'protocol', 'scope', 'metric', 'dev',
    'onlink', 'encap', 'expires', 'mtu', 'mtu_lock', 'hoplimit', 'advmss', 'advmss_lock', 'rtt', 'rtt_lock', 'rttvar',
    'rttvar_lock', 'reordering', 'reordering_lock', 'window', 'cwnd', 'cwnd_lock', 'ssthresh', 'ssthresh_lock', 'realms',
    'rto_min', 'rto_min_lock', 'initcwnd', 'initrwnd', 'features', 'quickack', 'congctl', 'congctl_lock', 'pref',
    'ttl-propagate', 'fastopen_no_cookie', 'mode', 'or', 'nexthop', 'no_track', 'track_group', 'vrf', 'as',
  ],
  read: readRoute,
  print: printRoute,
};
