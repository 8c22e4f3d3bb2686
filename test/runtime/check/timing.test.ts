/**
 * Checker timing as keepalived has it, on a fake clock with scripted results: when each attempt
 * happens (delay_loop, retry, delay_before_retry, the bootstrap delay) and when the IPVS
 * commands follow. The network is faked here; test/runtime/check/real.test.ts uses real servers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../../src/compile/index.js';
import type { PlanCommand, PlanConnection, PlanIpvs } from '../../../src/compile/plan.js';
import type { ScriptResult, ScriptRunner } from '../../../src/runtime/drivers.js';
import type { HttpGetOptions, HttpGetResult } from '../../../src/runtime/check/http.js';
import type { CheckIo } from '../../../src/runtime/check/scheduler.js';
import { recordingDriver } from '../../../src/runtime/ipvs/record.js';
import { memoryLogger } from '../../../src/runtime/log.js';
import { Lvs } from '../../../src/runtime/lvs.js';
import { FakeClock } from '../fakes.js';

const dir = mkdtempSync(join(tmpdir(), 'kaconf-iv-timing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function ipvsOf(body: string): PlanIpvs {
  const f = join(dir, `c${n++}.conf`);
  writeFileSync(f, `global_defs {\n    router_id lb\n    enable_script_security\n    script_user root\n}\n${body}`);
  const r = compileFile(f, { version: [2, 3, 2] });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)));
  return r.plan.ipvs!;
}

/** scripted network: a result per "address:port[path]", attempts logged with the clock time */
class FakeIo implements CheckIo {
  readonly up = new Map<string, boolean>();
  readonly attempts: string[] = [];
  constructor(private readonly clock: FakeClock) {}
  async tcp(c: PlanConnection): Promise<{ ok: boolean; message: string }> {
    const k = `${c.address}:${c.port}`;
    this.attempts.push(`${this.clock.now()} ${k}`);
    const ok = this.up.get(k) ?? true;
    return { ok, message: ok ? 'connected' : 'connection refused' };
  }
  async http(o: HttpGetOptions): Promise<HttpGetResult> {
    const k = `${o.connection.address}:${o.connection.port}${o.path}`;
    this.attempts.push(`${this.clock.now()} ${k}`);
    const ok = this.up.get(k) ?? true;
    return { ok: true, status: ok ? 200 : 503, header: '', contentLength: 0, received: 0, digest: '', body: Buffer.alloc(0) };
  }
}

/** scripted MISC_CHECK exit statuses, in order */
class FakeMisc implements ScriptRunner {
  readonly codes: number[] = [];
  readonly runs: number[] = [];
  readonly notified: string[] = [];
  constructor(private readonly clock: FakeClock) {}
  async check(_cmd: PlanCommand): Promise<ScriptResult> {
    this.runs.push(this.clock.now());
    const code = this.codes.shift() ?? 0;
    return { ok: code === 0, code, signal: null, timedOut: false };
  }
  notify(cmd: PlanCommand): void {
    this.notified.push(cmd.argv.join(' '));
  }
  stop(): void {}
}

async function setup(body: string, opts: { local?: boolean } = {}) {
  const clock = new FakeClock();
  const io = new FakeIo(clock);
  const scripts = new FakeMisc(clock);
  const ipvs = recordingDriver({ clock });
  const logger = memoryLogger();
  const lvs = new Lvs(ipvsOf(body), { clock, logger, scripts, ipvs, checks: io, random: () => 0, ...(opts.local !== undefined ? { isLocalAddress: () => opts.local! } : {}) });
  await lvs.start();
  /** advance timer by timer, letting each attempt finish before the next timer */
  const runTo = async (t: number): Promise<void> => {
    for (;;) {
      const next = clock.nextDeadline();
      if (next === undefined || next > t) break;
      await clock.advance(next - clock.now());
      await lvs.idle();
    }
    await clock.advance(t - clock.now());
    await lvs.idle();
  };
  const changes = () => ipvs.records.filter((r) => !r.batch).map((r) => `${r.at} ${r.line.replace('ipvsadm ', '')}`);
  return { clock, io, scripts, ipvs, lvs, runTo, changes, logger };
}

const VS = (server: string, extra = '') => `virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n${extra}${server}}\n`;

describe('checker timing (fake clock)', () => {
  it('TCP_CHECK: first attempt 1 s after start; retry 2 × delay_before_retry 0.5 s, then down; up at the next delay_loop', async () => {
    const t = await setup(VS(`    real_server 192.168.0.2 80 {\n        TCP_CHECK {\n            delay_loop 3\n            retry 2\n            delay_before_retry 0.5\n        }\n    }\n`));
    // the fake clock starts at 1000 ms
    await t.runTo(8500);
    expect(t.io.attempts).toEqual(['2000 192.168.0.2:80', '5000 192.168.0.2:80', '8000 192.168.0.2:80']);
    t.io.up.set('192.168.0.2:80', false);
    await t.runTo(14000);
    expect(t.io.attempts.slice(3)).toEqual(['11000 192.168.0.2:80', '11500 192.168.0.2:80', '12000 192.168.0.2:80']);
    expect(t.changes()).toEqual(['12000 -d -t 10.0.0.1:80 -r 192.168.0.2:80']);
    t.io.up.set('192.168.0.2:80', true);
    await t.runTo(15000);
    expect(t.changes()).toEqual(['12000 -d -t 10.0.0.1:80 -r 192.168.0.2:80', '15000 -a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1']);
    await t.lvs.stop();
  });

  it('TCP_CHECK: a server failing its first check goes down at once (keepalived starts with the retries used up)', async () => {
    const t = await setup(VS(`    real_server 192.168.0.2 80 {\n        TCP_CHECK {\n            delay_loop 3\n            retry 5\n        }\n    }\n`));
    t.io.up.set('192.168.0.2:80', false);
    await t.runTo(2000);
    expect(t.changes()).toEqual(['2000 -d -t 10.0.0.1:80 -r 192.168.0.2:80']);
    await t.lvs.stop();
  });

  it('HTTP_GET: one url per delay_loop; a failing url is retried, then down; recovery checks every url again from the first', async () => {
    const t = await setup(
      VS(`    real_server 192.168.0.2 80 {\n        HTTP_GET {\n            url {\n                path /a\n            }\n            url {\n                path /b\n            }\n            delay_loop 2\n            retry 1\n            delay_before_retry 0.5\n        }\n    }\n`),
    );
    await t.runTo(7000);
    expect(t.io.attempts).toEqual(['2000 192.168.0.2:80/a', '4000 192.168.0.2:80/b', '6000 192.168.0.2:80/a']);
    t.io.up.set('192.168.0.2:80/b', false);
    await t.runTo(11000);
    // /b at 8000 fails, retried after 0.5 s, down; then it is tried every max(delay_before_retry, delay_loop)
    expect(t.io.attempts.slice(3)).toEqual(['8000 192.168.0.2:80/b', '8500 192.168.0.2:80/b', '10500 192.168.0.2:80/b']);
    expect(t.changes()).toEqual(['8500 -d -t 10.0.0.1:80 -r 192.168.0.2:80']);
    t.io.up.set('192.168.0.2:80/b', true);
    await t.runTo(17000);
    expect(t.io.attempts.slice(6)).toEqual(['12500 192.168.0.2:80/b', '14500 192.168.0.2:80/a', '16500 192.168.0.2:80/b']);
    expect(t.changes()).toEqual(['8500 -d -t 10.0.0.1:80 -r 192.168.0.2:80', '16500 -a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1']);
    await t.lvs.stop();
  });

  it('MISC_CHECK: runs delay_loop apart from start to start; retry; misc_dynamic sets the weight to status - 2', async () => {
    const t = await setup(
      VS(`    real_server 192.168.0.2 80 {\n        MISC_CHECK {\n            misc_path /bin/true\n            misc_dynamic\n            delay_loop 2\n            retry 1\n            delay_before_retry 0.5\n        }\n    }\n`),
    );
    t.scripts.codes.push(0, 1, 1, 12, 7, 0);
    await t.runTo(10_000);
    expect(t.scripts.runs).toEqual([2000, 4000, 4500, 6500, 8500]);
    expect(t.changes()).toEqual(['4500 -d -t 10.0.0.1:80 -r 192.168.0.2:80', '6500 -a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 10', '8500 -e -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 5']);
    await t.runTo(10_500);
    // exit 0 again: back to the configured weight
    expect(t.changes().at(-1)).toBe('10500 -e -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1');
    await t.lvs.stop();
  });

  it('warmup: the first attempt is 1 s plus a random part of warmup; ha_suspend: no attempts while the address is not here', async () => {
    const clock = new FakeClock();
    const io = new FakeIo(clock);
    const lvs = new Lvs(ipvsOf(VS(`    real_server 192.168.0.2 80 {\n        TCP_CHECK {\n            delay_loop 10\n            warmup 4\n        }\n    }\n`)), {
      clock,
      logger: memoryLogger(),
      scripts: new FakeMisc(clock),
      ipvs: recordingDriver({ clock }),
      checks: io,
      random: () => 0.5,
    });
    await lvs.start();
    await clock.advance(2999);
    await lvs.idle();
    expect(io.attempts).toEqual([]);
    await clock.advance(1);
    await lvs.idle();
    expect(io.attempts).toEqual(['4000 192.168.0.2:80']);
    await lvs.stop();

    const s = await setup(VS(`    real_server 192.168.0.2 80 {\n        TCP_CHECK {\n            delay_loop 1\n        }\n    }\n`, '    ha_suspend\n'), { local: false });
    await s.runTo(10_000);
    expect(s.io.attempts).toEqual([]);
    await s.lvs.stop();
  });

  it('on stop the recorder removes the services it created; status shows servers, weights and the last result', async () => {
    const t = await setup(VS(`    real_server 192.168.0.2 80 {\n        weight 3\n        TCP_CHECK {\n            delay_loop 3\n        }\n    }\n`));
    await t.runTo(2000);
    const st = t.lvs.status()[0]!;
    expect(st).toMatchObject({ name: '[10.0.0.1]:tcp:80', quorumUp: true, aliveWeight: 3, services: ['TCP 10.0.0.1:80'] });
    expect(st.realServers[0]).toMatchObject({ name: '[192.168.0.2]:tcp:80', alive: true, weight: 3, checkers: [{ type: 'TCP_CHECK', target: '[192.168.0.2]:tcp:80', up: true, hasRun: true, last: { ok: true, message: 'connected' } }] });
    await t.lvs.stop();
    expect(t.ipvs.records.at(-1)!.line).toBe('ipvsadm -D -t 10.0.0.1:80');
    expect(t.ipvs.tableLines()).toEqual([]);
  });

  it('reload (SIGHUP): an unchanged virtual server keeps running untouched; a changed one is released and set up again; a new one is added', async () => {
    const rs = (addr: string, w = 1) => `    real_server ${addr} 80 {\n        weight ${w}\n        TCP_CHECK {\n            delay_loop 3\n        }\n    }\n`;
    const one = (vip: string, body: string) => `virtual_server ${vip} 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n${body}}\n`;
    const t = await setup(one('10.0.0.1', rs('192.168.0.2')) + one('10.0.0.2', rs('192.168.0.3')));
    await t.runTo(2000);
    const before = t.lvs.status()[0]!;
    const r = await t.lvs.reload(ipvsOf(one('10.0.0.1', rs('192.168.0.2')) + one('10.0.0.2', rs('192.168.0.3', 5)) + one('10.0.0.3', rs('192.168.0.4'))));
    expect(r).toEqual({ kept: ['[10.0.0.1]:tcp:80'], restarted: ['[10.0.0.2]:tcp:80'], removed: [], added: ['[10.0.0.3]:tcp:80'] });
    expect(t.changes()).toEqual([
      '2000 -D -t 10.0.0.2:80',
      '2000 -A -t 10.0.0.2:80 -s rr',
      '2000 -a -t 10.0.0.2:80 -r 192.168.0.3:80 -m -w 5',
      '2000 -A -t 10.0.0.3:80 -s rr',
      '2000 -a -t 10.0.0.3:80 -r 192.168.0.4:80 -m -w 1',
    ]);
    expect(t.lvs.status()[0]).toEqual(before);
    const r2 = await t.lvs.reload(ipvsOf(one('10.0.0.1', rs('192.168.0.2'))));
    expect(r2).toMatchObject({ kept: ['[10.0.0.1]:tcp:80'], removed: ['[10.0.0.2]:tcp:80', '[10.0.0.3]:tcp:80'] });
    expect(t.ipvs.tableLines()).toEqual(['-A -t 10.0.0.1:80 -s rr', '-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1']);
    await t.lvs.stop();
  });
});
