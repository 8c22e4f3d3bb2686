/**
 * Scripts as real child processes (src/runtime/scripts/process.ts; no root needed): a clean
 * environment, no shell, a check script that hangs (killed at its timeout with what it started),
 * one that ignores SIGTERM, scripts that flood their output (bounded memory, never blocked),
 * notify scripts that hang or fail (killed at the notify timeout, logged, never blocking the
 * daemon's state changes).
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PlanCommand } from '../../../src/compile/plan.js';
import { Daemon } from '../../../src/runtime/daemon.js';
import { processScripts, scriptEnv } from '../../../src/runtime/scripts/process.js';
import { SCRIPT_PATH } from '../../../src/runtime/scripts/security.js';
import { fakeDrivers } from '../fakes.js';
import { instance, peerAdvert, planOf, tempDir, waitingLogger } from './helpers.js';

const tmp = tempDir('kaconf-hd-scripts-');
chmodSync(tmp.dir, 0o755);
afterAll(tmp.remove);
const stops: (() => unknown)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

let n = 0;
function script(body: string): string {
  const f = join(tmp.dir, `s${n++}.sh`);
  writeFileSync(f, `#!/bin/sh\n${body}\n`);
  chmodSync(f, 0o755);
  return f;
}
const cmd = (...argv: string[]): PlanCommand => ({ text: argv.join(' '), argv });
/** running (a zombie waiting for a reaper counts as gone) */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

describe('the environment scripts get', () => {
  it('a fixed PATH and the locale, nothing else of kaconf\'s environment (no inherited secrets)', async () => {
    process.env.KACONF_TEST_SECRET = 'hunter2';
    process.env.LANG = 'C.UTF-8';
    try {
      const out = join(tmp.dir, 'env.out');
      const runner = processScripts(waitingLogger().logger, null);
      stops.push(() => runner.stop());
      const r = await runner.check(cmd(script('env > "$1"'), out), 5000);
      expect(r.ok).toBe(true);
      const env = Object.fromEntries(readFileSync(out, 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      delete env.PWD; // set by the shell itself
      delete env.SHLVL;
      delete env._;
      expect(env).toEqual({ PATH: SCRIPT_PATH, LANG: 'C.UTF-8' });
      expect(scriptEnv({ HOME: '/root', AWS_SECRET_ACCESS_KEY: 'x', TZ: 'UTC', NOTIFY_SOCKET: '/run/systemd/notify' })).toEqual({ PATH: SCRIPT_PATH, TZ: 'UTC' });
    } finally {
      delete process.env.KACONF_TEST_SECRET;
    }
  });

  it('no shell: the words are the program and its arguments', async () => {
    const out = join(tmp.dir, 'args.out');
    const runner = processScripts(waitingLogger().logger, null);
    const r = await runner.check(cmd(script('for a in "$@"; do echo "[$a]"; done > "$1.args"'), out, '$HOME', 'a b', ';', 'rm -rf /'), 5000);
    expect(r.ok).toBe(true);
    expect(readFileSync(`${out}.args`, 'utf8')).toBe(`[${out}]\n[$HOME]\n[a b]\n[;]\n[rm -rf /]\n`);
  });
});

describe('a check script that hangs, or ignores SIGTERM', () => {
  it('is killed at its timeout, with whatever it started (its process group)', async () => {
    const pidFile = join(tmp.dir, 'bg.pid');
    const runner = processScripts(waitingLogger().logger, null, { killGraceMs: 500 });
    const started = Date.now();
    const r = await runner.check(cmd(script(`sleep 60 & echo $! > ${pidFile}; wait`)), 300);
    expect(r).toMatchObject({ ok: false, timedOut: true });
    expect(Date.now() - started).toBeLessThan(3000);
    const bg = Number(readFileSync(pidFile, 'utf8'));
    // the background sleep went with it (SIGTERM to the group, then SIGKILL)
    // signals are delivered at once, but the kernel takes a moment to end the process
    for (let i = 0; i < 1000 && alive(bg); i++) await new Promise((res) => setImmediate(res));
    expect(alive(bg)).toBe(false);
    expect(runner.running()).toBe(0);
  });

  it('one that ignores SIGTERM gets SIGKILL after the grace time', async () => {
    const runner = processScripts(waitingLogger().logger, null, { killGraceMs: 300 });
    const started = Date.now();
    const r = await runner.check(cmd(script("trap '' TERM; while :; do sleep 0.05; done")), 200);
    expect(r).toMatchObject({ ok: false, timedOut: true, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a failing script\'s stderr is kept (its start) for the log', async () => {
    const runner = processScripts(waitingLogger().logger, null);
    const r = await runner.check(cmd(script('echo "haproxy is not running" >&2; exit 3')), 5000);
    expect(r).toMatchObject({ ok: false, code: 3, stderr: 'haproxy is not running\n' });
  });
});

describe('a script that floods its output', () => {
  it('never blocks and costs bounded memory: 256 MiB on stderr and stdout, only the first KiBs kept', async () => {
    const runner = processScripts(waitingLogger().logger, null, { stderrCap: 1024 });
    const before = process.memoryUsage().rss;
    const r = await runner.check(cmd(script('head -c 268435456 /dev/zero | tr "\\0" x >&2 & head -c 268435456 /dev/zero; wait; exit 0')), 60_000);
    const grown = process.memoryUsage().rss - before;
    expect(r).toMatchObject({ ok: true, timedOut: false });
    expect(r.stderr).toHaveLength(1024);
    expect(grown).toBeLessThan(64 << 20);
  });

  it('a notify script flooding its output runs to its end, drained; nothing stays running', async () => {
    const { logger, waitFor } = waitingLogger();
    const runner = processScripts(logger, null);
    const done = join(tmp.dir, 'flood.done');
    runner.notify(cmd(script(`head -c 67108864 /dev/zero >&2; touch ${done}; echo bye >&2; exit 1`)), ['INSTANCE', 'VI_1', 'MASTER', '100']);
    expect(runner.running()).toBe(1);
    await waitFor(/^notify script .* exited with status 1/);
    expect(existsSync(done)).toBe(true);
    expect(runner.running()).toBe(0);
  });
});

describe('notify scripts that hang or fail', () => {
  it('a hanging notify script is killed at the notify timeout and logged; notify() itself returns at once', async () => {
    const { logger, waitFor } = waitingLogger();
    const runner = processScripts(logger, null, { notifyTimeoutMs: 300, killGraceMs: 200 });
    const t0 = performance.now();
    const hang = script("trap '' TERM; echo stuck >&2; while :; do sleep 0.05; done");
    runner.notify(cmd(hang), []);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(await waitFor(/was still running/)).toBe(`notify script ${hang} was still running after 0.3 s: killed (stuck)`);
    expect(runner.running()).toBe(0);
  });

  it('a notify script that cannot run is logged', async () => {
    const { logger, waitFor } = waitingLogger();
    const runner = processScripts(logger, null);
    runner.notify(cmd(join(tmp.dir, 'missing.sh')), []);
    expect(await waitFor(/could not run/)).toMatch(/^notify script .*missing\.sh could not run \(spawn .*ENOENT\)$/);
  });

  it('stop() gives running notify scripts (notify_stop) a moment, then ends them', async () => {
    const { logger } = waitingLogger();
    const runner = processScripts(logger, null, { stopWaitMs: 300 });
    const out = join(tmp.dir, 'stop.out');
    runner.notify(cmd(script(`sleep 0.1; echo done > ${out}`)), []);
    runner.notify(cmd(script('sleep 60')), []);
    const t0 = Date.now();
    await runner.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(readFileSync(out, 'utf8')).toBe('done\n'); // the quick one finished
  });

  it('in the daemon: a notify_master that hangs does not hold the next state change; notify_backup runs meanwhile', async () => {
    const { logger, lines, waitFor } = waitingLogger();
    const d = fakeDrivers();
    const backupOut = join(tmp.dir, 'backup.out');
    const master = script("trap '' TERM; while :; do sleep 0.05; done");
    const backup = script(`echo "$@" >> ${backupOut}`);
    const runner = processScripts(logger, null, { notifyTimeoutMs: 500, killGraceMs: 100 });
    // script_user root: kaconf runs them as itself (root here) and checks their paths (the temporary directory is root's)
    const plan = planOf(tmp.dir, instance(`    notify_master ${master}\n    notify "${backup}"`), '    enable_script_security\n    script_user root\n');
    const daemon = new Daemon(plan, { ...d, logger, scripts: runner });
    stops.push(() => daemon.stop());
    await daemon.start();
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    await d.clock.advance(3700);
    expect(daemon.status(1).instances[0]!.state).toBe('MASTER');
    d.transport.deliver('eth0', peerAdvert(200));
    await d.clock.advance(1);
    expect(daemon.status(1).instances[0]!.state).toBe('BACKUP'); // at once, the master script still hanging
    await waitFor(new RegExp(`notify script ${master} was still running after 0.5 s: killed`));
    await runner.idle();
    expect(readFileSync(backupOut, 'utf8')).toBe('INSTANCE VI_1 BACKUP 100\nINSTANCE VI_1 MASTER 100\nINSTANCE VI_1 BACKUP 100\n');
  });
});
