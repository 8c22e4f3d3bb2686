/**
 * iproute2 names (routing tables, scopes, protocols, realms, DS fields, interface groups) as
 * keepalived resolves them: a number, one of its built-in names, or a name from the iproute2
 * files of the host it runs on. kaconf can only read the files of the host it runs on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base0Value } from '../../../model/codecs/route.js';

export type NameKind = 'table' | 'scope' | 'protocol' | 'realm' | 'dsfield' | 'group';

interface KindInfo {
  file: string;
  max: number;
  /** names keepalived knows without any file */
  builtin: string[];
  /** how to call it in a message */
  what: string;
}

export const NAME_KINDS: Record<NameKind, KindInfo> = {
  table: { file: 'rt_tables', max: 0xffffffff, builtin: ['default', 'main', 'local'], what: 'routing table' },
  scope: { file: 'rt_scopes', max: 255, builtin: ['global', 'nowhere', 'host', 'link', 'site'], what: 'scope' },
  protocol: {
    file: 'rt_protos',
    max: 255,
    builtin: ['none', 'redirect', 'kernel', 'boot', 'static', 'gated', 'ra', 'mrt', 'zebra', 'bird', 'babel', 'dnrouted', 'xorp', 'ntk', 'dhcp'],
    what: 'route protocol',
  },
  realm: { file: 'rt_realms', max: 255, builtin: [], what: 'realm' },
  dsfield: { file: 'rt_dsfield', max: 255, builtin: [], what: 'DS field (tos)' },
  group: { file: 'group', max: 0x7fffffff, builtin: [], what: 'interface group' },
};

/** Where keepalived (2.2.7: /etc/iproute2 only; 2.3: an etc and a usr directory) looks for the files. */
export function iprouteDirs(etcDir: string | undefined, usrDir: string | undefined): string[] {
  return [etcDir ?? '/etc/iproute2', ...(usrDir !== undefined ? [usrDir] : ['/usr/share/iproute2', '/usr/lib/iproute2'])];
}

const cache = new Map<string, Set<string>>();

function readNames(path: string, max: number, into: Set<string>): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*$/, '').trim().split(/[ \t]+/).filter(Boolean);
    if (fields.length !== 2) continue;
    const n = base0Value(fields[0]!);
    if (n === undefined || n > max) continue;
    into.add(fields[1]!);
  }
}

/** The names the linting host's iproute2 files define for a kind (with the `.d/*.conf` files). */
export function hostNames(kind: NameKind, dirs: string[]): Set<string> {
  const info = NAME_KINDS[kind];
  const key = `${kind}|${dirs.join(':')}`;
  let names = cache.get(key);
  if (names) return names;
  names = new Set();
  for (const dir of dirs) {
    readNames(join(dir, info.file), info.max, names);
    let entries: string[] = [];
    try {
      entries = readdirSync(join(dir, `${info.file}.d`));
    } catch {
      entries = [];
    }
    for (const e of entries.sort()) if (!e.startsWith('.') && e.endsWith('.conf') && e.length > 5) readNames(join(dir, `${info.file}.d`, e), info.max, names);
  }
  cache.set(key, names);
  return names;
}

/** The name words of a value (`realms FROM/TO` has two), leaving out numbers keepalived reads as such. */
export function nameWords(kind: NameKind, value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const parts = kind === 'realm' ? value.split('/') : [value];
  return parts.filter((p) => p !== '' && base0Value(p) === undefined);
}
