/**
 * keepalived as the oracle: `keepalived -t -f FILE` in a network namespace of our own that has
 * the interfaces the config names (keepalived checks that they exist). The namespace is
 * deleted afterwards, also when the check fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.js';

export type OracleVersion = '2.2.7' | '2.3.2';

export function keepalivedBinary(version: OracleVersion): string {
  if (version === '2.2.7') return process.env.KACONF_KEEPALIVED_227 ?? '/usr/sbin/keepalived';
  return process.env.KACONF_KEEPALIVED_232 ?? resolve(ROOT, '../shared/keepalived/2.3.2/keepalived');
}

let rootCache: boolean | undefined;
function canUseNamespaces(): boolean {
  if (rootCache === undefined) {
    rootCache = process.getuid?.() === 0 && spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).status === 0;
  }
  return rootCache;
}

/** Why the oracle cannot run here, or undefined when it can. */
export function oracleUnavailable(version: OracleVersion): string | undefined {
  const bin = keepalivedBinary(version);
  if (!existsSync(bin)) return `keepalived ${version} not found at ${bin}`;
  if (!canUseNamespaces()) return 'needs root and iproute2 (ip netns) to give keepalived the interfaces it checks';
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0 && !/Keepalived v/.test(`${v.stdout}${v.stderr}`)) return `${bin} does not run: ${(v.stderr || v.stdout).trim().split('\n')[0]}`;
  return undefined;
}

export interface OracleMessage {
  /** config line keepalived named, when it named one */
  line?: number;
  file?: string;
  /** the instance or object keepalived named instead of a line: `(VI_1) ...` */
  subject?: string;
  text: string;
}

export interface OracleResult {
  exit: number;
  messages: OracleMessage[];
  raw: string;
}

/** Interface names a config refers to (so that the namespace can have them). */
export function interfacesOf(text: string): string[] {
  const names = new Set<string>(['eth0']);
  // comments are not configuration (`! interface name of 16 characters`)
  const conf = text.replace(/[!#].*$/gm, '');
  const re = /\b(?:interface|dev|track_interface|mcast_src_ip_if|bind_if|lvs_sync_daemon|default_interface|vrrp_garp_extra_if_dev|interfaces?)\s+([A-Za-z][A-Za-z0-9_.-]{0,14})\b/g;
  for (let m = re.exec(conf); m; m = re.exec(conf)) names.add(m[1]!);
  for (const m of conf.matchAll(/^\s*(eth\d+(?:\.\d+)?|ens\d+|bond\d+|br\d+)\b/gm)) names.add(m[1]!);
  // `lo` is in every namespace already; a dotted name is kept only in the VLAN form `eth0.1`
  return [...names].filter((n) => !['all', 'inet', 'inet6', 'group', 'weight', 'lo'].includes(n) && (!n.includes('.') || /^[A-Za-z][A-Za-z0-9_-]*\.\d+$/.test(n)));
}

let counter = 0;

/** Run `keepalived -t` on config text (the file is written to a temporary directory). */
export function keepalivedCheck(
  text: string,
  version: OracleVersion,
  options: { interfaces?: string[]; fileName?: string; timeoutMs?: number } = {},
): OracleResult {
  const dir = mkdtempSync(join(tmpdir(), 'kaconf-oracle-'));
  const file = join(dir, options.fileName ?? 'keepalived.conf');
  writeFileSync(file, text);
  try {
    return keepalivedCheckFile(file, version, { interfaces: options.interfaces ?? interfacesOf(text), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A network namespace `name` with the interfaces a config names, each up with an IPv4 and an
 * IPv6 address (like a real host; the peers of the veth pairs stay in the namespace). Returns
 * the function that deletes it. Also used by the benchmarks (bench/cli.ts).
 */
export function checkNamespace(name: string, interfaces: string[]): () => void {
  const ip = (...args: string[]): void => {
    const r = spawnSync('ip', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()}`);
  };
  const remove = (): void => {
    spawnSync('ip', ['netns', 'del', name]);
  };
  ip('netns', 'add', name);
  try {
    ip('-n', name, 'link', 'set', 'lo', 'up');
    interfaces.forEach((iface, i) => {
      ip('-n', name, 'link', 'add', iface, 'type', 'veth', 'peer', 'name', `kcp${i}`);
      ip('-n', name, 'addr', 'add', `10.${i % 256}.${Math.floor(i / 256)}.1/24`, 'dev', iface);
      ip('-n', name, 'addr', 'add', `fd00:${i}::1/64`, 'dev', iface, 'nodad');
      ip('-n', name, 'link', 'set', iface, 'up');
      ip('-n', name, 'link', 'set', `kcp${i}`, 'up');
    });
  } catch (e) {
    remove();
    throw e;
  }
  return remove;
}

export function keepalivedCheckFile(file: string, version: OracleVersion, options: { interfaces: string[]; timeoutMs?: number }): OracleResult {
  const ns = `kaconf-t${process.pid}-${counter++}`;
  const remove = checkNamespace(ns, options.interfaces);
  try {
    const r = spawnSync('ip', ['netns', 'exec', ns, keepalivedBinary(version), '-t', '-f', file], {
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 10_000,
    });
    const raw = `${r.stderr ?? ''}${r.stdout ?? ''}`;
    return { exit: r.status ?? -1, messages: parseOracle(raw), raw };
  } finally {
    remove();
  }
}

/** keepalived's `-t` output: `(Line N) text`, `(FILE: Line N) text`, `(VI_1) text` or bare text; each process prints its own copy. */
export function parseOracle(raw: string): OracleMessage[] {
  const out: OracleMessage[] = [];
  const seen = new Set<string>();
  for (const lineText of raw.split('\n')) {
    const l = lineText.trim();
    if (!l) continue;
    let m: OracleMessage;
    const a = /^\((?:(.+?): )?Line (\d+)\) (.*)$/.exec(l);
    const b = /^\(([^()]+)\) (.*)$/.exec(l);
    if (a) m = { line: Number(a[2]), ...(a[1] ? { file: a[1] } : {}), text: a[3]! };
    else if (b) m = { subject: b[1]!, text: b[2]! };
    else m = { text: l };
    // a message can carry a line and a subject: `(Line 7) (VI_1) text`
    const inner = /^\(([^()]+)\) (.*)$/.exec(m.text);
    if (m.line !== undefined && inner && !/^Line /.test(inner[1]!)) m = { ...m, subject: inner[1]!, text: inner[2]! };
    const key = `${m.line ?? ''}|${m.subject ?? ''}|${m.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}
