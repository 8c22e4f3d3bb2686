/**
 * Interop lab: three network namespaces on one bridge. `a` (10.0.0.1) and `b` (10.0.0.2) run
 * VRRP routers (keepalived or kaconf run) on eth0; `s` (10.0.0.3 on br0) is the switch, where
 * tcpdump watches every port and forged packets are injected. Everything a lab starts or
 * creates (namespaces, processes, pid files, temporary files) goes in `down()`, which the tests
 * call from afterEach/finally.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from '../../src/runtime/control/client.js';
import type { Status } from '../../src/runtime/daemon.js';
import { ROOT } from '../helpers/paths.js';

/** the kaconf the lab runs: KACONF_BIN (the benchmarks' snapshot of the build) or this checkout's */
export const KAONF_BIN = process.env.KACONF_BIN ?? resolve(ROOT, 'bin/kaconf.js');
export const KEEPALIVED = process.env.KACONF_KEEPALIVED_227 ?? '/usr/sbin/keepalived';

const have = (cmd: string, args: string[] = ['--version']): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).error === undefined;

/** Why the interop tests cannot run here, or undefined. */
export function interopUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root (network namespaces and raw sockets need it)';
  if (spawnSync('ip', ['netns', 'list']).status !== 0) return 'no iproute2 with network namespaces';
  if (!existsSync(KEEPALIVED)) return `no keepalived at ${KEEPALIVED}`;
  if (!existsSync(resolve(ROOT, 'dist/entry.js'))) return 'kaconf is not built (npm run build)';
  if (!existsSync(resolve(ROOT, 'node_modules/raw-socket/build/Release/raw.node'))) return 'the raw-socket addon is not built (npm ci)';
  if (!have('tcpdump')) return 'no tcpdump';
  if (!have('arping', ['-V'])) return 'no arping (iputils-arping)';
  if (!have('python3')) return 'no python3 (injects forged packets)';
  return undefined;
}

let labCounter = 0;

export interface Line {
  /** host time (performance-free: Date.now()) when the line arrived */
  at: number;
  text: string;
}

/** A process whose output lines can be waited for. */
export class Proc {
  readonly lines: Line[] = [];
  private waiters: { re: RegExp; from: number; resolve: (l: Line) => void }[] = [];
  exited: Promise<number | null>;
  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const take = (stream: NodeJS.ReadableStream | null): void => {
      let buf = '';
      stream?.on('data', (d: Buffer) => {
        buf += d.toString();
        const parts = buf.split('\n');
        buf = parts.pop() ?? '';
        for (const text of parts) this.push(text);
      });
    };
    take(child.stdout);
    take(child.stderr);
    this.exited = new Promise((res) => child.on('exit', (code) => res(code)));
  }
  private push(text: string): void {
    const line = { at: Date.now(), text };
    this.lines.push(line);
    const i = this.lines.length - 1;
    this.waiters = this.waiters.filter((w) => {
      if (i >= w.from && w.re.test(text)) {
        w.resolve(line);
        return false;
      }
      return true;
    });
  }
  /** the first line matching re (from line index `from`), waiting up to timeoutMs */
  waitFor(re: RegExp, timeoutMs: number, from = 0): Promise<Line> {
    const found = this.lines.slice(from).find((l) => re.test(l.text));
    if (found) return Promise.resolve(found);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`${this.name}: no line matching ${re} within ${timeoutMs} ms; last lines:\n${this.lines.slice(-15).map((l) => l.text).join('\n')}`));
      }, timeoutMs);
      const done = (l: Line): void => {
        clearTimeout(timer);
        resolvePromise(l);
      };
      this.waiters.push({ re, from, resolve: done });
    });
  }
  get mark(): number {
    return this.lines.length;
  }
}

/** One tcpdump line: `TIME PORT In IP SRC > DST: VRRPv2, Advertisement, vrid 51, prio 150, ...` or an ARP. */
export interface Packet {
  /** seconds since the epoch (tcpdump -tt) */
  t: number;
  port: string;
  src: string;
  dst: string;
  vrrp?: { version: number; vrid: number; prio: number };
  /** gratuitous ARP for this address */
  garp?: string;
  text: string;
}

export function parsePacket(text: string): Packet | undefined {
  const m = /^(\d+\.\d+)\s+(\S+)\s+(?:In|M|B|P)\s+(.*)$/.exec(text);
  if (!m) return undefined;
  const t = Number(m[1]);
  const port = m[2]!;
  const rest = m[3]!;
  const v = /^IP (\S+) > (\S+): VRRPv(\d), Advertisement, vrid (\d+), prio (\d+)/.exec(rest);
  if (v) return { t, port, src: v[1]!, dst: v[2]!.replace(/:$/, ''), vrrp: { version: Number(v[3]), vrid: Number(v[4]), prio: Number(v[5]) }, text };
  const a = /^ARP, Request who-has (\S+)(?: \([^)]*\))? tell (\S+),/.exec(rest);
  if (a && a[1] === a[2]) return { t, port, src: a[2]!, dst: 'broadcast', garp: a[1]!, text };
  return { t, port, src: '', dst: '', text };
}

/** When `address` (`10.0.0.100/24`) was added, from a line of `ip -ts -o monitor address`: seconds since the epoch, or undefined. */
export function addressAdded(text: string, address: string): number | undefined {
  const m = /^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?\] (Deleted )?\d+: \S+\s+inet6? (\S+)/.exec(text);
  if (!m || m[3] || m[4] !== address) return undefined;
  // ip prints local time without a zone; Date.parse reads such a date-time as local time too
  return Date.parse(m[1]!) / 1000 + Number(m[2] ?? 0);
}

/**
 * Turn off IPv6 duplicate address detection in a namespace (its interfaces created from now on),
 * so that link-local addresses are usable at once. Through /proc: no procps (sysctl) needed.
 */
export function noDad(ns: string): void {
  const r = spawnSync('ip', ['netns', 'exec', ns, 'sh', '-c', 'echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad && echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${ns}: cannot turn off IPv6 duplicate address detection: ${r.stderr || r.error?.message}`);
}

export class Lab {
  readonly prefix: string;
  readonly dir: string;
  private readonly procs: Proc[] = [];
  private readonly pidFiles: string[] = [];
  capture?: Proc;

  /** `tag` starts every name the lab creates: namespaces `<tag><pid>-<n>-a`, the directory `<tmp>/<tag>-…` */
  constructor(tag = 'kaconf-rn') {
    this.prefix = `${tag}${process.pid}-${labCounter++}`;
    this.dir = mkdtempSync(join(tmpdir(), `${tag}-`));
  }

  ns(n: 'a' | 'b' | 's'): string {
    return `${this.prefix}-${n}`;
  }

  ip(...args: string[]): void {
    const r = spawnSync('ip', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()}`);
  }

  up(): void {
    for (const n of ['a', 'b', 's'] as const) {
      this.ip('netns', 'add', this.ns(n));
      // IPv6 without duplicate address detection: link-local addresses usable at once (IPv6 adverts go out from them)
      noDad(this.ns(n));
      this.ip('-n', this.ns(n), 'link', 'set', 'lo', 'up');
    }
    const s = this.ns('s');
    this.ip('-n', s, 'link', 'add', 'br0', 'type', 'bridge', 'mcast_snooping', '0');
    this.ip('-n', s, 'link', 'set', 'br0', 'up');
    this.ip('-n', s, 'addr', 'add', '10.0.0.3/24', 'dev', 'br0');
    (['a', 'b'] as const).forEach((n, i) => {
      this.ip('-n', this.ns(n), 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `p${n}`, 'netns', s);
      this.ip('-n', s, 'link', 'set', `p${n}`, 'master', 'br0');
      this.ip('-n', s, 'link', 'set', `p${n}`, 'up');
      this.ip('-n', this.ns(n), 'addr', 'add', `10.0.0.${i + 1}/24`, 'dev', 'eth0');
      this.ip('-n', this.ns(n), 'link', 'set', 'eth0', 'up');
    });
  }

  /** Stop everything, delete the namespaces and files. Safe to call twice. */
  async down(): Promise<void> {
    for (const p of this.procs) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        try {
          process.kill(-p.child.pid!, 'SIGKILL');
        } catch {
          p.child.kill('SIGKILL');
        }
      }
    }
    await Promise.all(this.procs.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 2000))])));
    for (const f of this.pidFiles) this.killPidFile(f, 'SIGKILL');
    for (const n of ['a', 'b', 's'] as const) {
      // anything still in the namespace (keepalived's children) goes with it
      const pids = spawnSync('ip', ['netns', 'pids', this.ns(n)], { encoding: 'utf8' }).stdout?.split('\n').filter(Boolean) ?? [];
      for (const pid of pids) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // gone
        }
      }
      spawnSync('ip', ['netns', 'del', this.ns(n)]);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private killPidFile(file: string, signal: NodeJS.Signals): void {
    try {
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid > 0) process.kill(pid, signal);
    } catch {
      // no file or no process
    }
  }

  spawn(name: string, ns: string, cmd: string[]): Proc {
    const child = spawn('ip', ['netns', 'exec', ns, ...cmd], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const p = new Proc(name, child);
    this.procs.push(p);
    return p;
  }

  /** tcpdump on every port of the switch; resolves once it listens. */
  async startCapture(): Promise<Proc> {
    const p = this.spawn('tcpdump', this.ns('s'), ['tcpdump', '-tt', '-n', '-l', '-i', 'any', '-Q', 'in', 'vrrp or arp']);
    await p.waitFor(/listening on/, 5000);
    this.capture = p;
    return p;
  }

  /** `ip monitor address` in namespace n (with timestamps); see addressAdded(). */
  async monitorAddresses(n: 'a' | 'b'): Promise<Proc> {
    const p = this.spawn(`ip-monitor@${n}`, this.ns(n), ['ip', '-ts', '-o', 'monitor', 'address']);
    // ip prints nothing when it starts listening: an address added and removed tells us it does
    const probe = '192.0.2.254/32';
    const end = Date.now() + 5000;
    for (;;) {
      this.ip('-n', this.ns(n), 'addr', 'add', probe, 'dev', 'lo');
      this.ip('-n', this.ns(n), 'addr', 'del', probe, 'dev', 'lo');
      try {
        await p.waitFor(/inet 192\.0\.2\.254\/32/, 200);
        return p;
      } catch (e) {
        if (Date.now() > end) throw e;
      }
    }
  }

  packets(from = 0): Packet[] {
    return (this.capture?.lines.slice(from) ?? []).map((l) => parsePacket(l.text)).filter((x): x is Packet => x !== undefined);
  }

  /** Wait until a captured packet satisfies pred. */
  async waitPacket(pred: (p: Packet) => boolean, timeoutMs: number, from = 0): Promise<Packet> {
    const line = await this.capture!.waitFor({ test: (t: string) => { const p = parsePacket(t); return !!p && pred(p); } } as RegExp, timeoutMs, from);
    return parsePacket(line.text)!;
  }

  write(name: string, text: string): string {
    const f = join(this.dir, name);
    writeFileSync(f, text);
    return f;
  }

  keepalived(n: 'a' | 'b', conf: string, tag: string = n): Keepalived {
    const file = this.write(`ka-${tag}.conf`, conf);
    const pids = ['p', 'v', 'c'].map((k) => join(this.dir, `ka-${tag}-${k}.pid`));
    for (const f of pids) rmSync(f, { force: true });
    this.pidFiles.push(...pids);
    const proc = this.spawn(`keepalived@${n}`, this.ns(n), [KEEPALIVED, '-n', '-l', '-D', '-f', file, '-p', pids[0]!, '-r', pids[1]!, '-c', pids[2]!]);
    return new Keepalived(proc, pids, (f, s) => this.killPidFile(f, s));
  }

  kaconf(n: 'a' | 'b', conf: string, tag: string = n): Kaconf {
    const file = this.write(`kc-${tag}.conf`, conf);
    const control = join(this.dir, `kc-${tag}.sock`);
    const proc = this.spawn(`kaconf@${n}`, this.ns(n), [KAONF_BIN, 'run', file, '--control', control, '--state', join(this.dir, `kc-${tag}.state.json`), '--log-format', 'json', '--keepalived-version', '2.2.7']);
    return new Kaconf(proc, control);
  }

  addresses(n: 'a' | 'b'): string[] {
    const out = spawnSync('ip', ['-n', this.ns(n), '-j', 'addr', 'show', 'dev', 'eth0'], { encoding: 'utf8' }).stdout;
    return ((JSON.parse(out) as { addr_info: { local: string; prefixlen: number }[] }[])[0]?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`);
  }

  /** Send raw IPv4 datagrams (hex) from the switch namespace, as they are (IP_HDRINCL). */
  inject(dst: string, datagrams: Buffer[]): void {
    const py = [
      'import socket,sys,binascii',
      's=socket.socket(socket.AF_INET,socket.SOCK_RAW,socket.IPPROTO_RAW)',
      "s.setsockopt(socket.SOL_SOCKET,socket.SO_BINDTODEVICE,b'br0')",
      "s.setsockopt(socket.IPPROTO_IP,socket.IP_MULTICAST_IF,socket.inet_aton('10.0.0.3'))",
      'for h in sys.argv[2:]: s.sendto(binascii.unhexlify(h),(sys.argv[1],0))',
    ].join('\n');
    const r = spawnSync('ip', ['netns', 'exec', this.ns('s'), 'python3', '-c', py, dst, ...datagrams.map((d) => d.toString('hex'))], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`inject: ${r.stderr}`);
  }
}

export class Keepalived {
  constructor(
    readonly proc: Proc,
    private readonly pids: string[],
    private readonly killFile: (f: string, s: NodeJS.Signals) => void,
  ) {}
  /** SIGKILL every keepalived process and remove the pid files (so it can start again). */
  kill9(): void {
    // the VRRP child first: killed after its parent it would get SIGTERM (parent-death signal)
    // and could send a priority-0 advert, which is a clean stop, not a crash
    for (const f of [this.pids[1]!, this.pids[2]!, this.pids[0]!]) this.killFile(f, 'SIGKILL');
    try {
      process.kill(-this.proc.child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
    for (const f of this.pids) rmSync(f, { force: true });
  }
  async term(): Promise<void> {
    this.killFile(this.pids[0]!, 'SIGTERM');
    await Promise.race([this.proc.exited, new Promise((r) => setTimeout(r, 5000))]);
    for (const f of this.pids) rmSync(f, { force: true });
  }
}

export class Kaconf {
  constructor(
    readonly proc: Proc,
    readonly control: string,
  ) {}
  async status(): Promise<Status> {
    return (await request(this.control, 'status')) as Status;
  }
  /** poll status until pred holds */
  async until(pred: (s: Status) => boolean, timeoutMs: number): Promise<Status> {
    const end = Date.now() + timeoutMs;
    let last: Status | undefined;
    for (;;) {
      try {
        last = await this.status();
        if (pred(last)) return last;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error(`status condition not met within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async term(): Promise<number | null> {
    // the process under `ip netns exec` is node itself (exec replaces ip)
    this.proc.child.kill('SIGTERM');
    return this.proc.exited;
  }
}
