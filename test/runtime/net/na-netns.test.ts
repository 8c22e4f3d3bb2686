/**
 * Unsolicited neighbour advertisements on the wire (root only; skipped otherwise, saying why):
 * `kaconf run` with an IPv6 VRRPv3 instance in namespace a becomes master and announces its VIP;
 * tcpdump in namespace b, on the other end of a veth pair, sees the advertisements.
 *
 * Namespaces are named kaconf-na*; everything started or created is removed in afterAll, also
 * when a test fails. Waiting is on tcpdump's lines, never on sleeps.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/paths.js';
import { noDad } from '../../interop/harness.js';
import { tempDir } from '../faults/helpers.js';

const BIN = join(ROOT, 'bin/kaconf.js');

function unavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root (network namespaces and raw sockets need it)';
  if (spawnSync('ip', ['netns', 'list']).status !== 0) return 'no iproute2 with network namespaces';
  if (spawnSync('tcpdump', ['--version']).error) return 'no tcpdump';
  if (!existsSync(join(ROOT, 'dist/entry.js'))) return 'kaconf is not built (npm run build)';
  if (!existsSync(join(ROOT, 'node_modules/raw-socket/build/Release/raw.node'))) return 'the raw-socket addon is not built (npm ci)';
  return undefined;
}
const why = unavailable();
if (why) console.log(`test/runtime/net/na-netns.test.ts skipped: ${why}`);

const tag = `${process.pid % 100000}`;
const NS = { a: `kaconf-na${tag}a`, b: `kaconf-na${tag}b` };
const children: ChildProcess[] = [];
const tmp = why ? { dir: '/nonexistent', remove: () => undefined } : tempDir('kaconf-na-');

function ip(...args: string[]): string {
  const r = spawnSync('ip', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const n of Object.values(NS)) {
    for (const pid of spawnSync('ip', ['netns', 'pids', n], { encoding: 'utf8' }).stdout?.split('\n').filter(Boolean) ?? []) spawnSync('kill', ['-9', pid]);
    spawnSync('ip', ['netns', 'del', n], { stdio: 'ignore' });
  }
  tmp.remove();
});

/** lines of a child's stdout, and a way to wait for one */
function lines(child: ChildProcess): { all: string[]; until: (pred: (all: string[]) => boolean, ms: number) => Promise<void> } {
  const all: string[] = [];
  let buf = '';
  const waiters: { pred: (all: string[]) => boolean; resolve: () => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) if (w.pred(all)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  };
  const read = (d: Buffer): void => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    all.push(...parts);
    check();
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  return {
    all,
    until: (pred, ms) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not seen within ${ms} ms; output:\n${all.slice(-20).join('\n')}`)), ms);
        waiters.push({ pred, resolve: () => (clearTimeout(timer), resolve()) });
        check();
      }),
  };
}

describe.skipIf(!!why)('unsolicited neighbour advertisements from kaconf run', () => {
  it('a new IPv6 master announces its VIP: to ff02::1, hop limit 255, Override, its MAC as target link-layer address', async () => {
    for (const n of Object.values(NS)) {
      ip('netns', 'add', n);
      // no duplicate address detection: the link-local address is usable as soon as the link is up
      noDad(n);
      ip('-n', n, 'link', 'set', 'lo', 'up');
    }
    ip('-n', NS.a, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NS.b);
    ip('-n', NS.a, 'link', 'set', 'eth0', 'up');
    ip('-n', NS.b, 'link', 'set', 'eth0', 'up');
    const mac = (JSON.parse(ip('-n', NS.a, '-j', 'link', 'show', 'dev', 'eth0')) as { address: string }[])[0]!.address;

    const dump = spawn('ip', ['netns', 'exec', NS.b, 'tcpdump', '-n', '-l', '-vv', '-i', 'eth0', 'icmp6 and ip6[40] == 136'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(dump);
    const seen = lines(dump);
    await seen.until((all) => all.some((l) => /listening on/.test(l)), 10_000);

    const conf = join(tmp.dir, 'v6.conf');
    writeFileSync(
      conf,
      'vrrp_instance VI_6 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 61\n    version 3\n    priority 100\n    advert_int 0.1\n    virtual_ipaddress {\n        2001:db8::100/64\n    }\n}\n',
    );
    const run = spawn('ip', ['netns', 'exec', NS.a, BIN, 'run', conf, '--control', join(tmp.dir, 'c.sock'), '--state', join(tmp.dir, 's.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(run);
    const log = lines(run);

    // the master burst: garp_master_repeat (5) advertisements for the VIP
    const isNa = (l: string): boolean => /neighbor advertisement, length 32, tgt is 2001:db8::100, Flags \[override\]/.test(l);
    await seen.until((all) => all.filter(isNa).length >= 5, 15_000);
    const at = seen.all.findIndex(isNa);
    expect(seen.all[at]).toMatch(/hlim 255,/);
    expect(seen.all[at]).toMatch(/ fe80::[0-9a-f:]+ > ff02::1: \[icmp6 sum ok\]/);
    expect(seen.all[at + 1]).toMatch(new RegExp(`destination link-address option \\(2\\), length 8 \\(1\\): ${mac}`));
    expect(log.all.join('\n')).not.toMatch(/neighbour advertisement on|not sent/);

    run.kill('SIGTERM');
    await new Promise<void>((resolve) => run.once('exit', () => resolve()));
  }, 60_000);
});
