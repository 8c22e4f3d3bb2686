/**
 * The host's addresses and links through iproute2 (`ip`), gratuitous ARP through iputils
 * `arping -U`, unsolicited neighbour advertisements (IPv6) on an ICMPv6 raw socket.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PlanVip } from '../../compile/plan.js';
import type { LinkMonitor, Logger, NetDriver } from '../drivers.js';
import { sendUnsolicitedNa } from '../transport/raw.js';
import type { AddressFamily } from '../vrrp/address.js';

/** iproute2 is given this long (a hung `ip` is killed and the change counts as failed) */
export const IP_TIMEOUT_MS = 10_000;

/**
 * At most this many `ip` and `arping` processes at a time. Hundreds of instances becoming
 * master together (a peer gone) must not fork a thousand processes in one go: forking stalls
 * the event loop that sends the adverts, and every process costs memory.
 */
export const MAX_IP_PROCESSES = 16;
export const MAX_ARPING_PROCESSES = 32;
/** arping sends its packet at once and then waits a second for replies that never come: it is stopped after this long */
export const ARPING_LIFETIME_MS = 200;

/** Runs tasks with at most `max` of them unfinished at a time, in the order they came. */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    active--;
    waiting.shift()?.();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        active++;
        let p: Promise<T>;
        try {
          p = task();
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(resolve, reject).finally(release);
      };
      if (active < max) start();
      else waiting.push(start);
    });
}

const ipSlot = limiter(MAX_IP_PROCESSES);

function ip(args: string[]): Promise<string> {
  return ipSlot(() => ipNow(args));
}

function ipNow(args: string[]): Promise<string> {
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
  const arpingSlot = limiter(MAX_ARPING_PROCESSES);
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
      if (v.family === 'ipv6') return sendUnsolicitedNa(v.dev, v.address);
      // the returned promise settles once arping runs (a slot is free and it started); the slot is
      // held until it exits
      return new Promise<void>((resolve, reject) => {
        void arpingSlot(
          () =>
            new Promise<void>((exited) => {
              const child = spawn('arping', ['-q', '-U', '-c', '1', '-I', v.dev, v.address], { stdio: ['ignore', 'ignore', 'pipe'] });
              let stderr = '';
              let stopped = false;
              const timer = setTimeout(() => {
                stopped = true;
                child.kill('SIGTERM');
              }, ARPING_LIFETIME_MS);
              child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
              child.on('error', (e) => {
                clearTimeout(timer);
                reject(new Error(`arping: ${e.message}`));
                exited();
              });
              child.on('spawn', () => resolve());
              child.on('exit', (code) => {
                clearTimeout(timer);
                if (!stopped && code !== 0 && code !== 1 && stderr) logger.log('warning', `arping for ${v.address} on ${v.dev}: ${stderr.trim()}`);
                exited();
              });
            }),
        );
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
