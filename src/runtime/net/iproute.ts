/**
 * The host's addresses and links through iproute2 (`ip`), gratuitous ARP through iputils
 * `arping -U`. Unsolicited neighbour advertisements (IPv6) are not sent yet.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PlanVip } from '../../compile/plan.js';
import type { LinkMonitor, Logger, NetDriver } from '../drivers.js';
import type { AddressFamily } from '../vrrp/address.js';

/** iproute2 is given this long (a hung `ip` is killed and the change counts as failed) */
export const IP_TIMEOUT_MS = 10_000;

function ip(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('ip', args, { encoding: 'utf8', timeout: IP_TIMEOUT_MS, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (!err) resolve(stdout);
      else if ((err as { killed?: boolean }).killed) reject(new Error(`ip ${args.join(' ')} did not finish within ${IP_TIMEOUT_MS / 1000} s; killed`));
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error('iproute2 (ip) is not installed'));
      else reject(new Error((stderr || err.message).trim()));
    });
  });
}

interface IpAddrJson {
  ifname?: string;
  addr_info?: { family: string; local: string; prefixlen: number; scope?: string; secondary?: boolean; dynamic?: boolean }[];
}

function vipArgs(v: PlanVip): string[] {
  const args = [`${v.address}/${v.prefix}`];
  if (v.peer) args.push('peer', v.peer);
  if (v.broadcast) args.push('broadcast', v.broadcast);
  args.push('dev', v.dev);
  if (v.scope) args.push('scope', v.scope);
  if (v.label) args.push('label', v.label);
  if (v.family === 'ipv6') args.push('nodad');
  return args;
}

export function iprouteNet(logger: Logger): NetDriver {
  const children = new Set<ChildProcess>();
  let naWarned = false;
  return {
    primaryAddress(iface: string, family: AddressFamily): string | null {
      try {
        const out = execFileSync('ip', ['-j', family === 'ipv4' ? '-4' : '-6', 'addr', 'show', 'dev', iface], { encoding: 'utf8' });
        const info = (JSON.parse(out) as IpAddrJson[])[0]?.addr_info ?? [];
        // IPv4: the first primary address; IPv6: the link-local one (as keepalived sends from)
        const pick = family === 'ipv4' ? info.find((a) => !a.secondary) : (info.find((a) => a.scope === 'link') ?? info[0]);
        return pick?.local ?? null;
      } catch {
        return null;
      }
    },
    async addresses(iface: string): Promise<string[]> {
      const out = await ip(['-j', 'addr', 'show', 'dev', iface]);
      return ((JSON.parse(out) as IpAddrJson[])[0]?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`);
    },
    async addAddress(v: PlanVip): Promise<void> {
      await ip(['addr', 'add', ...vipArgs(v)]);
    },
    async removeAddress(v: PlanVip): Promise<void> {
      await ip(['addr', 'del', `${v.address}/${v.prefix}`, 'dev', v.dev]);
    },
    announce(v: PlanVip): Promise<void> {
      if (v.family === 'ipv6') {
        if (!naWarned) logger.log('warning', 'unsolicited neighbour advertisements for IPv6 addresses are not sent by this version of kaconf');
        naWarned = true;
        return Promise.resolve();
      }
      return new Promise((resolve, reject) => {
        // arping sends at once, then waits a second for replies that never come: do not wait for it
        const child = spawn('arping', ['-q', '-U', '-c', '1', '-I', v.dev, v.address], { stdio: ['ignore', 'ignore', 'pipe'] });
        children.add(child);
        let stderr = '';
        child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', (e) => {
          children.delete(child);
          reject(new Error(`arping: ${e.message}`));
        });
        child.on('spawn', () => resolve());
        child.on('exit', (code) => {
          children.delete(child);
          if (code !== 0 && code !== 1 && stderr) logger.log('warning', `arping for ${v.address} on ${v.dev}: ${stderr.trim()}`);
        });
      });
    },
  };
}

/** Interface state: up with carrier. Changes come from `ip monitor link`; /sys is the truth. */
export function sysfsLinks(): LinkMonitor {
  let monitor: ChildProcess | undefined;
  const last = new Map<string, boolean>();
  const read = (iface: string): boolean => {
    try {
      const flags = Number.parseInt(readFileSync(`/sys/class/net/${iface}/flags`, 'utf8'), 16);
      if ((flags & 0x1) === 0) return false; // IFF_UP
      return readFileSync(`/sys/class/net/${iface}/carrier`, 'utf8').trim() === '1';
    } catch {
      return false;
    }
  };
  return {
    isUp(iface: string): boolean {
      const up = read(iface);
      last.set(iface, up);
      return up;
    },
    start(onChange: (iface: string, up: boolean) => void): void {
      monitor = spawn('ip', ['-o', 'monitor', 'link'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let buf = '';
      monitor.stdout?.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^(?:Deleted )?\d+: ([^:@\s]+)/.exec(line);
          if (!m) continue;
          const iface = m[1]!;
          if (!last.has(iface)) continue;
          const up = read(iface);
          if (up !== last.get(iface)) {
            last.set(iface, up);
            onChange(iface, up);
          }
        }
      });
      monitor.on('error', () => undefined);
    },
    stop(): void {
      monitor?.kill();
      monitor = undefined;
    },
  };
}

/** Children (arping) still running at exit. */
export type { ChildProcess };
