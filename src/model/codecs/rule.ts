/**
 * `rule`: one line of `virtual_rules` / `static_rules` → common.schema.json#/$defs/virtual_rule
 * (or static_rule). Grammar: docs/research/vrrp.md §4.3, checked against keepalived 2.2.7 and 2.3.2.
 *
 * keepalived reads a rule line in one pass, options in any order (a later value replaces an
 * earlier one); a word that is no option is read as the action (`[type] goto N | nop | blackhole
 * | unreachable | prohibit`). The action can also be `table`/`lookup T` or `l3mdev`, and a rule has
 * exactly one. As for routes, the word after `inet`/`inet6` is skipped: the family is printed last.
 */
import type { LineCodec, LineResult, Word } from '../codecs.js';
import { integerOrText } from './numbers.js';
import { base0, base0Value, destinationFamily, isRouteType, LineReader } from './route.js';

/** Non-table actions; the route-type numbers 6/7/8 name the last three. */
const ACTIONS = ['goto', 'nop', 'blackhole', 'unreachable', 'prohibit'];
const ACTION_NUMBERS: Record<number, string> = { 6: 'blackhole', 7: 'unreachable', 8: 'prohibit' };

/** option word → [field, how its value is read] */
const VALUE_OPTIONS: Record<string, [string, 'base0' | 'int' | 'text' | 'fwmark']> = {
  from: ['from', 'text'],
  to: ['to', 'text'],
  table: ['table', 'base0'],
  lookup: ['table', 'base0'],
  preference: ['preference', 'base0'],
  order: ['preference', 'base0'],
  priority: ['preference', 'base0'],
  tos: ['tos', 'base0'],
  dsfield: ['tos', 'base0'],
  fwmark: ['fwmark', 'fwmark'],
  realms: ['realms', 'base0'],
  suppress_prefixlength: ['suppress_prefixlength', 'int'],
  sup_pl: ['suppress_prefixlength', 'int'],
  suppress_ifgroup: ['suppress_ifgroup', 'base0'],
  sup_group: ['suppress_ifgroup', 'base0'],
  dev: ['dev', 'text'],
  iif: ['dev', 'text'],
  oif: ['oif', 'text'],
  'tunnel-id': ['tunnel-id', 'int'],
  uidrange: ['uidrange', 'text'],
  protocol: ['protocol', 'int'],
  ipproto: ['ipproto', 'int'],
  // a single port is kept as written: keepalived rejects it, the schema says so
  sport: ['sport', 'text'],
  dport: ['dport', 'text'],
  track_group: ['track_group', 'text'],
};

const RULE_OPTIONS = [...Object.keys(VALUE_OPTIONS), 'inet', 'inet6', 'not', 'l3mdev', 'no_track', 'type', ...ACTIONS];

function convert(how: 'base0' | 'int' | 'text' | 'fwmark', text: string): unknown {
  switch (how) {
    case 'base0':
      return base0(text);
    case 'int':
      return integerOrText(text);
    case 'fwmark':
      return text.includes('/') ? text : base0(text);
    default:
      return text;
  }
}

function readRule(words: Word[]): LineResult {
  const r = new LineReader(words, 'rule', RULE_OPTIONS);
  const v = r.value;
  let i = 0;
  const oneAction = (at: number, field: string): boolean => {
    if (v[field] === undefined) return true;
    // a second action of another kind is caught by the schema (exactly one of table, l3mdev, action)
    r.problem(at, `a rule takes one action; keepalived rejects the rule at this second one`, 'keep one of table/lookup, l3mdev, goto, nop, blackhole, unreachable, prohibit');
    return false;
  };
  while (i < r.length && !r.stopped) {
    const w = r.text(i);
    if (w === 'inet' || w === 'inet6') {
      i = r.readFamily(i, () => false);
      continue;
    }
    if (w === 'not' || w === 'no_track') {
      r.set(w, true, [i]);
      i++;
      continue;
    }
    if (w === 'l3mdev') {
      if (oneAction(i, 'l3mdev')) r.set('l3mdev', true, [i]);
      i++;
      continue;
    }
    const opt = VALUE_OPTIONS[w];
    if (opt) {
      const [field, how] = opt;
      const k = r.need(i + 1, i);
      if (k === undefined) break;
      const val = r.text(k);
      if (field === 'track_group' && v.track_group !== undefined) {
        r.problem(i, 'a rule takes one `track_group`; keepalived rejects the rule at the second one', 'remove one of them');
        break;
      }
      if (field === 'table' && !oneAction(i, 'table')) {
        i = k + 1;
        continue;
      }
      r.set(field, convert(how, val), [k]);
      if (field === 'from' || field === 'to') {
        const f = destinationFamily(val);
        if (f !== undefined) r.setFamily(f, k, `'${val}' is an ${f === 4 ? 'IPv4' : 'IPv6'} address`);
      } else if (field === 'realms') r.setFamily(4, i, '`realms` is IPv4-only');
      i = k + 1;
      continue;
    }
    // the action: `[type] WORD`
    let a = i;
    if (w === 'type') {
      const k = r.need(i + 1, i, 'an action');
      if (k === undefined) break;
      a = k;
    }
    const act = r.text(a);
    if (act === 'goto') {
      const k = r.need(a + 1, a, 'a target preference');
      if (k === undefined) break;
      if (oneAction(a, 'action')) {
        r.set('action', 'goto', [a]);
        r.set('goto', integerOrText(r.text(k)), [k]);
      }
      i = k + 1;
      continue;
    }
    const n = base0Value(act);
    const name = ACTIONS.includes(act) ? act : n !== undefined ? ACTION_NUMBERS[n] : undefined;
    if (name !== undefined) {
      if (oneAction(a, 'action')) r.set('action', name, [a]);
    } else if (isRouteType(act)) {
      r.problem(a, `'${act}' is not a rule action`, 'use goto N, nop, blackhole, unreachable or prohibit');
    } else if (a !== i) {
      r.problem(a, `unknown rule action '${act}' after \`type\``, 'use goto N, nop, blackhole, unreachable or prohibit');
    } else {
      r.unknown(i, 'check the spelling against the keepalived.conf man page');
    }
    i = a + 1;
  }
  // goto must jump forward; keepalived rejects the rule otherwise
  if (v.action === 'goto' && typeof v.goto === 'number' && v.preference !== undefined) {
    const pref = typeof v.preference === 'number' ? v.preference : base0Value(String(v.preference));
    if (pref !== undefined && pref >= v.goto) {
      r.problem(r.fieldWords.goto![0]!, `goto target ${v.goto} must be greater than this rule's preference ${pref}; keepalived rejects the rule`, `use a target above ${pref}`);
    }
  }
  return r.result();
}

/** Print order: the one of keepalived's manual (`from <P> to <P> table <T> iif ... preference <N> ...`); the family last. */
const PRINT_SELECTORS = ['dev', 'oif', 'tos', 'fwmark', 'uidrange', 'ipproto', 'sport', 'dport', 'tunnel-id', 'protocol', 'preference'];
const PRINT_TABLE_OPTIONS = ['realms', 'suppress_prefixlength', 'suppress_ifgroup'];

function printRule(v: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of ['from', 'to']) if (v[k] !== undefined) out.push(k, String(v[k]));
  if (v.not === true) out.push('not');
  if (v.table !== undefined) out.push('table', String(v.table));
  if (v.l3mdev === true) out.push('l3mdev');
  for (const k of PRINT_SELECTORS) if (v[k] !== undefined) out.push(k, String(v[k]));
  for (const k of PRINT_TABLE_OPTIONS) if (v[k] !== undefined) out.push(k, String(v[k]));
  if (v.action !== undefined) {
    out.push(String(v.action));
    if (v.action === 'goto' && v.goto !== undefined) out.push(String(v.goto));
  }
  if (v.no_track === true) out.push('no_track');
  if (v.track_group !== undefined) out.push('track_group', String(v.track_group));
  // keepalived skips the word after `inet`/`inet6`: nothing may follow it
  if (v.family !== undefined) out.push(String(v.family));
  return out;
}

export const rule: LineCodec = {
  kind: 'line',
  fields: [
    'family', 'not', 'from', 'to', 'table', 'preference', 'tos', 'fwmark', 'realms', 'suppress_prefixlength',
    'suppress_ifgroup', 'dev', 'oif', 'tunnel-id', 'uidrange', 'l3mdev', 'protocol', 'ipproto', 'sport', 'dport',
    'action', 'goto', 'no_track', 'track_group',
  ],
  read: readRule,
  print: printRule,
};
