/**
 * Faults that are real, in network namespaces (root only; skipped otherwise, saying why):
 * `kaconf run` in namespace a and b on a bridge in namespace s.
 *
 * - The interface deleted while MASTER: a goes FAULT; created again (a new interface with a new
 *   index), a opens its socket again and hears b's adverts — it stays BACKUP instead of
 *   becoming a second master on a socket bound to the deleted interface.
 * - SIGKILL, then a restart: the VIP the killed run left is removed (from the state file), the
 *   new run takes part in the election normally.
 *
 * Namespaces are named kaconf-hd*, and everything started or created is removed in afterEach,
 * also when a test fails. Waiting is on log lines and status counters, never on sleeps.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { request } from '../../../src/runtime/control/client.js';
import type { Status } from '../../../src/runtime/daemon.js';
import { ROOT } from '../../helpers/paths.js';
import { tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin/kaconf.js');

function unavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root (network namespaces and raw sockets need it)';
  if (spawnSync('ip', ['netns', 'list']).status !== 0) return 'no iproute2 with network namespaces';
  if (!existsSync(join(ROOT, 'dist/entry.js'))) return 'kaconf is not built (npm run build)';
  if (!existsSync(join(ROOT, 'node_modules/raw-socket/build/Release/raw.node'))) return 'the raw-socket addon is not built (npm ci)';
  return undefined;
}
const why = unavailable();
if (why) console.log(`test/runtime/faults/netns.test.ts skipped: ${why}`);

// only where the tests run (vitest runs no hooks in a file whose tests are all skipped)
const tmp = why ? { dir: '/nonexistent', remove: () => undefined } : tempDir('kaconf-hd-ns-');
afterAll(tmp.remove);
const tag = `${process.pid % 100000}`;
const NS = { a: `kaconf-hd${tag}a`, b: `kaconf-hd${tag}b`, s: `kaconf-hd${tag}s` };

function ip(...args: string[]): string {
  const r = spawnSync('ip', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** a's (or b's) eth0, joined to the bridge in s */
function link(n: 'a' | 'b'): void {
  ip('-n', NS[n], 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `p${n}`, 'netns', NS.s);
  ip('-n', NS.s, 'link', 'set', `p${n}`, 'master', 'br0', 'up');
  ip('-n', NS[n], 'addr', 'add', n === 'a' ? '10.0.0.1/24' : '10.0.0.2/24', 'dev', 'eth0');
  ip('-n', NS[n], 'link', 'set', 'eth0', 'up');
}

function up(): void {
  for (const n of Object.values(NS)) ip('netns', 'add', n);
  for (const n of Object.values(NS)) ip('-n', n, 'link', 'set', 'lo', 'up');
  ip('-n', NS.s, 'link', 'add', 'br0', 'type', 'bridge', 'mcast_snooping', '0');
  ip('-n', NS.s, 'link', 'set', 'br0', 'up');
  link('a');
  link('b');
}

const procs: Daemon[] = [];
function down(): void {
  for (const p of procs.splice(0)) p.kill('SIGKILL');
  for (const n of Object.values(NS)) {
    const pids = spawnSync('ip', ['netns', 'pids', n], { encoding: 'utf8' }).stdout?.split('\n').filter(Boolean) ?? [];
    for (const pid of pids) spawnSync('kill', ['-9', pid]);
    spawnSync('ip', ['netns', 'del', n], { stdio: 'ignore' });
  }
}

const vipOn = (n: 'a' | 'b'): boolean => {
  const r = spawnSync('ip', ['-n', NS[n], '-j', 'addr', 'show', 'dev', 'eth0'], { encoding: 'utf8' });
  if (r.status !== 0) return false;
  return (JSON.parse(r.stdout) as { addr_info: { local: string }[] }[])[0]?.addr_info.some((a) => a.local === '10.0.0.100') ?? false;
};

/** `kaconf run` in a namespace; its log lines can be waited for */
class Daemon {
  readonly lines: string[] = [];
  private waiters: { re: RegExp; from: number; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  constructor(
    readonly n: 'a' | 'b',
    conf: string,
    readonly control: string,
  ) {
    this.child = spawn('ip', ['netns', 'exec', NS[n], process.execPath, BIN, 'run', conf, '--control', control], { stdio: ['ignore', 'ignore', 'pipe'] });
    let buf = '';
    this.child.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        for (const w of [...this.waiters]) if (this.lines.length - 1 >= w.from && w.re.test(line)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        // nothing more will come: whoever waits learns it now
        for (const w of this.waiters.splice(0)) w.reject(new Error(`${n}: kaconf run exited (${code ?? signal}) before ${w.re}:\n${this.lines.join('\n')}`));
        resolve(code);
      }),
    );
    procs.push(this);
  }
  /** the first line matching re at or after line `from` */
  waitFor(re: RegExp, from = 0, ms = 20_000): Promise<string> {
    const seen = this.lines.slice(from).find((l) => re.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${this.n}: no line ${re} within ${ms} ms:\n${this.lines.join('\n')}`)), ms);
      this.waiters.push({ re, from, resolve: (l) => (clearTimeout(t), resolve(l)), reject: (e) => (clearTimeout(t), reject(e)) });
    });
  }
  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
  async status(): Promise<Status['instances'][number]> {
    return ((await request(this.control, 'status')) as Status).instances[0]!;
  }
  /** wait until the status satisfies ok (a counter moving is an event the daemon reports) */
  async until(ok: (s: Status['instances'][number]) => boolean, ms = 20_000): Promise<Status['instances'][number]> {
    const end = Date.now() + ms;
    for (;;) {
      const s = await this.status();
      if (ok(s)) return s;
      if (Date.now() > end) throw new Error(`${this.n}: status never matched: ${JSON.stringify(s)}`);
      await new Promise((r) => setImmediate(r));
    }
  }
}

let n = 0;
function conf(priority: number, extra = ''): string {
  const f = join(tmp.dir, `c${n++}.conf`);
  writeFileSync(
    f,
    `global_defs {\n    router_id r${n}\n}\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority ${priority}\n    advert_int 0.1\n    version 3\n${extra}    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n`,
  );
  return f;
}
const sock = (name: string): string => join(tmp.dir, `${name}-${n++}.sock`);

describe.skipIf(why !== undefined)('real faults in network namespaces', () => {
  afterEach(down);

  it('the interface deleted while MASTER: FAULT; created again: BACKUP on a new socket, hearing the master', async () => {
    up();
    const a = new Daemon('a', conf(100), sock('a'));
    await a.waitFor(/\(VI_1\) virtual addresses set/);
    // b has the higher priority but does not preempt: a stays master while it runs
    const b = new Daemon('b', conf(150, '    nopreempt\n'), sock('b'));
    await b.waitFor(/\(VI_1\) Entering BACKUP STATE/);
    await b.until((s) => s.advertsReceived > 5);
    expect((await a.status()).state).toBe('MASTER');
    expect(vipOn('a')).toBe(true);

    const mark = a.lines.length;
    ip('-n', NS.a, 'link', 'del', 'eth0');
    await a.waitFor(/\(VI_1\) Entering FAULT STATE/, mark);
    expect(await a.status()).toMatchObject({ state: 'FAULT', vipsHeld: false });
    await b.waitFor(/\(VI_1\) virtual addresses set/);
    expect(vipOn('b')).toBe(true);

    const back = a.lines.length;
    link('a');
    await a.waitFor(/VRRP socket on eth0 \(ipv4\) opened again/, back);
    await a.waitFor(/\(VI_1\) Entering BACKUP STATE/, back);
    // a hears b on the new socket: its received count moves past several Master_Down_Intervals
    const before = (await a.status()).advertsReceived;
    const s = await a.until((x) => x.advertsReceived >= before + 15);
    expect(s).toMatchObject({ state: 'BACKUP', masterAddress: '10.0.0.2', faults: [] });
    expect(a.lines.slice(back).some((l) => /Entering MASTER STATE/.test(l))).toBe(false);
    expect(vipOn('a')).toBe(false);
    expect(a.lines.some((l) => /TypeError|Unhandled|at .*\.js:\d+/.test(l))).toBe(false);

    a.kill('SIGTERM');
    expect(await a.exited).toBe(0);
  });

  it('SIGKILL, then a restart: the VIP the killed run left is removed, then the election runs normally', async () => {
    up();
    const control = sock('a');
    const state = control.replace(/\.sock$/, '.state.json');
    const first = new Daemon('a', conf(100), control);
    await first.waitFor(/\(VI_1\) virtual addresses set/);
    expect(vipOn('a')).toBe(true);
    expect(JSON.parse(readFileSync(state, 'utf8')).vips).toEqual([{ instance: 'VI_1', dev: 'eth0', address: '10.0.0.100', prefix: 24, family: 'ipv4' }]);
    first.kill('SIGKILL');
    await first.exited;
    expect(vipOn('a')).toBe(true); // left behind

    // meanwhile b (higher priority) is master: the address is on both hosts
    const b = new Daemon('b', conf(150), sock('b'));
    await b.waitFor(/\(VI_1\) virtual addresses set/);
    expect(vipOn('a') && vipOn('b')).toBe(true);

    const again = new Daemon('a', conf(100), control); // the same control socket and state file
    expect(await again.waitFor(/left by an earlier run/)).toMatch(/removed 10\.0\.0\.100\/24 from eth0, left by an earlier run \(VI_1\)/);
    await again.waitFor(/\(VI_1\) Entering BACKUP STATE/);
    const s = await again.until((x) => x.advertsReceived >= 15);
    expect(s).toMatchObject({ state: 'BACKUP', masterAddress: '10.0.0.2' });
    expect(vipOn('a')).toBe(false);
    expect(vipOn('b')).toBe(true);
    expect(JSON.parse(readFileSync(state, 'utf8')).vips).toEqual([]);

    // b goes: a takes over as usual
    b.kill('SIGTERM');
    await again.waitFor(/\(VI_1\) virtual addresses set/);
    expect(vipOn('a')).toBe(true);
  });
});
