/**
 * IPVS commands as ipvsadm's words, and ipvsadm's save format (`ipvsadm -S -n`) read back.
 * Pure: the ipvsadm driver runs these words, the recording driver writes them down.
 *
 *   -A -t 10.0.0.1:80 -s wlc -p 300 -M 255.255.255.0      add a service (-E: edit)
 *   -a -t 10.0.0.1:80 -r 192.168.0.2:8080 -m -w 1          add a real server (-e: edit)
 *   -d -t 10.0.0.1:80 -r 192.168.0.2:8080                  remove a real server
 *   -D -f 7 -6                                             remove a service
 */
import type { PlanForwarding, PlanIpvsService } from '../../compile/plan.js';
import { type IpvsCommand, type IpvsDest, type IpvsService, destKey, serviceKey } from './types.js';

/** address:port as ipvsadm reads it ([v6]:port for IPv6) */
export const hostPort = (address: string, port: number): string => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);

/** The words naming a service: -t/-u/--sctp-service ADDR:PORT, or -f MARK (-6 for IPv6). */
export function serviceWords(s: PlanIpvsService): string[] {
  if (s.fwmark !== null) return ['-f', String(s.fwmark), ...(s.family === 'ipv6' ? ['-6'] : [])];
  const flag = s.protocol === 'TCP' ? '-t' : s.protocol === 'SCTP' ? '--sctp-service' : '-u';
  return [flag, hostPort(s.address ?? '0.0.0.0', s.port)];
}

/** Scheduler, its flags, persistence and one-packet scheduling (-A and -E). */
export function schedulingWords(s: IpvsService): string[] {
  const w = ['-s', s.scheduler];
  if (s.schedFlags.length) w.push('-b', s.schedFlags.join(','));
  if (s.persistence) {
    w.push('-p', String(s.persistence.timeoutS));
    if (s.persistence.granularity !== null) w.push('-M', String(s.persistence.granularity));
    if (s.persistence.engine) w.push('--pe', s.persistence.engine);
  }
  if (s.ops) w.push('-o');
  return w;
}

/** -m (NAT), -g (DR), -i (TUN, with its tunnel options when not the defaults) */
export function forwardingWords(f: PlanForwarding): string[] {
  if (f.method === 'NAT') return ['-m'];
  if (f.method === 'DR') return ['-g'];
  const w = ['-i'];
  if (f.tunnelType && f.tunnelType !== 'ipip') w.push('--tun-type', f.tunnelType);
  if (f.tunnelPort) w.push('--tun-port', String(f.tunnelPort));
  if (f.tunnelChecksum === 'csum') w.push('--tun-csum');
  if (f.tunnelChecksum === 'remcsum') w.push('--tun-remcsum');
  return w;
}

export function destWords(d: IpvsDest): string[] {
  const w = ['-r', hostPort(d.address, d.port), ...forwardingWords(d.forwarding), '-w', String(d.weight)];
  if (d.uThreshold) w.push('-x', String(d.uThreshold));
  if (d.lThreshold) w.push('-y', String(d.lThreshold));
  return w;
}

/** The ipvsadm arguments of a command (without the program name). */
export function ipvsadmArgs(c: IpvsCommand): string[] {
  switch (c.op) {
    case 'add-service':
      return ['-A', ...serviceWords(c.service), ...schedulingWords(c.service)];
    case 'edit-service':
      return ['-E', ...serviceWords(c.service), ...schedulingWords(c.service)];
    case 'del-service':
      return ['-D', ...serviceWords(c.service)];
    case 'add-dest':
      return ['-a', ...serviceWords(c.service), ...destWords(c.dest)];
    case 'edit-dest':
      return ['-e', ...serviceWords(c.service), ...destWords(c.dest)];
    case 'del-dest':
      return ['-d', ...serviceWords(c.service), '-r', hostPort(c.dest.address, c.dest.port)];
  }
}

/** One line as a shell would run it: `ipvsadm -A -t 10.0.0.1:80 -s wlc` */
export const ipvsadmLine = (c: IpvsCommand): string => ['ipvsadm', ...ipvsadmArgs(c)].join(' ');

// ----- reading `ipvsadm -S -n` -------------------------------------------------------------

export interface TableDest {
  address: string;
  port: number;
  method: 'NAT' | 'DR' | 'TUN';
  weight: number;
}

export interface TableService {
  service: PlanIpvsService;
  scheduler: string | null;
  dests: Map<string, TableDest>;
}

/** The IPVS table, keyed by serviceKey and destKey. */
export type IpvsTable = Map<string, TableService>;

function parseHostPort(text: string): { address: string; port: number } | undefined {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return { address: v6[1]!, port: Number(v6[2] ?? 0) };
  const v4 = /^([^:]+)(?::(\d+))?$/.exec(text);
  if (v4) return { address: v4[1]!, port: Number(v4[2] ?? 0) };
  return undefined;
}

function parseService(words: string[]): { service: PlanIpvsService; rest: string[] } | undefined {
  const i = words.findIndex((w) => ['-t', '--tcp-service', '-u', '--udp-service', '--sctp-service', '-f', '--fwmark-service'].includes(w));
  if (i < 0 || i + 1 >= words.length) return undefined;
  const flag = words[i]!;
  const arg = words[i + 1]!;
  const rest = [...words.slice(0, i), ...words.slice(i + 2)];
  if (flag === '-f' || flag === '--fwmark-service') {
    const v6 = rest.includes('-6') || rest.includes('--ipv6');
    return { service: { family: v6 ? 'ipv6' : 'ipv4', protocol: null, address: null, port: 0, fwmark: Number(arg) }, rest: rest.filter((w) => w !== '-6' && w !== '--ipv6') };
  }
  const hp = parseHostPort(arg);
  if (!hp) return undefined;
  const protocol = flag === '-t' || flag === '--tcp-service' ? 'TCP' : flag === '--sctp-service' ? 'SCTP' : 'UDP';
  return { service: { family: hp.address.includes(':') ? 'ipv6' : 'ipv4', protocol, address: hp.address, port: hp.port, fwmark: null }, rest };
}

/** Read ipvsadm's save format into a table (unknown lines are skipped). */
export function parseSave(text: string): IpvsTable {
  const table: IpvsTable = new Map();
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words[0] === 'ipvsadm') words.shift();
    const op = words[0];
    if (op !== '-A' && op !== '-a') continue;
    const parsed = parseService(words.slice(1));
    if (!parsed) continue;
    const key = serviceKey(parsed.service);
    if (op === '-A') {
      const s = parsed.rest.indexOf('-s');
      table.set(key, { service: parsed.service, scheduler: s >= 0 ? (parsed.rest[s + 1] ?? null) : null, dests: table.get(key)?.dests ?? new Map() });
      continue;
    }
    const r = parsed.rest.indexOf('-r');
    const hp = r >= 0 ? parseHostPort(parsed.rest[r + 1] ?? '') : undefined;
    if (!hp) continue;
    const w = parsed.rest.indexOf('-w');
    const method = parsed.rest.includes('-m') ? 'NAT' : parsed.rest.includes('-i') ? 'TUN' : 'DR';
    const entry = table.get(key) ?? { service: parsed.service, scheduler: null, dests: new Map<string, TableDest>() };
    entry.dests.set(destKey(hp), { ...hp, method, weight: w >= 0 ? Number(parsed.rest[w + 1]) : 1 });
    table.set(key, entry);
  }
  return table;
}

/** The table as save lines, sorted (for comparisons and the recording driver's view). */
export function tableLines(table: IpvsTable): string[] {
  const out: string[] = [];
  for (const key of [...table.keys()].sort()) {
    const t = table.get(key)!;
    out.push(['-A', ...serviceWords(t.service), ...(t.scheduler ? ['-s', t.scheduler] : [])].join(' '));
    for (const dk of [...t.dests.keys()].sort()) {
      const d = t.dests.get(dk)!;
      out.push(['-a', ...serviceWords(t.service), '-r', hostPort(d.address, d.port), d.method === 'NAT' ? '-m' : d.method === 'TUN' ? '-i' : '-g', '-w', String(d.weight)].join(' '));
    }
  }
  return out;
}

/** A table after one command, as the kernel would apply it (errors: the reason ipvsadm would print). */
export function applyToTable(table: IpvsTable, c: IpvsCommand): string | null {
  const key = serviceKey(c.service);
  const entry = table.get(key);
  switch (c.op) {
    case 'add-service':
      if (entry) return 'Service already exists';
      table.set(key, { service: strip(c.service), scheduler: c.service.scheduler, dests: new Map() });
      return null;
    case 'edit-service':
      if (!entry) return 'No such service';
      entry.scheduler = c.service.scheduler;
      return null;
    case 'del-service':
      if (!entry) return 'No such service';
      table.delete(key);
      return null;
    case 'add-dest':
    case 'edit-dest': {
      if (!entry) return 'No such service';
      const dk = destKey(c.dest);
      if (c.op === 'add-dest' && entry.dests.has(dk)) return 'Destination already exists';
      if (c.op === 'edit-dest' && !entry.dests.has(dk)) return 'No such destination';
      entry.dests.set(dk, { address: c.dest.address, port: c.dest.port, method: c.dest.forwarding.method, weight: c.dest.weight });
      return null;
    }
    case 'del-dest': {
      if (!entry) return 'No such service';
      if (!entry.dests.delete(destKey(c.dest))) return 'No such destination';
      return null;
    }
  }
}

const strip = (s: PlanIpvsService): PlanIpvsService => ({ family: s.family, protocol: s.protocol, address: s.address, port: s.port, fwmark: s.fwmark });
