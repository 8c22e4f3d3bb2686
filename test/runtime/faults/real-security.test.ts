/**
 * Script security on the real file system (root only: files are given to other owners and
 * groups; skipped otherwise, saying why): the runner's vet() as `kaconf run` uses it, and the
 * daemon refusing a vrrp_script and a notify script it would run as root.
 */
import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanCommand, PlanGlobal } from '../../../src/compile/plan.js';
import { Daemon } from '../../../src/runtime/daemon.js';
import { memoryLogger } from '../../../src/runtime/log.js';
import { processScripts } from '../../../src/runtime/scripts/process.js';
import { kaconf } from '../../helpers/cli.js';
import { fakeDrivers } from '../fakes.js';
import { instance, planOf, tempDir } from './helpers.js';

const why = process.getuid?.() !== 0 ? 'not root (the test files are given to other owners)' : undefined;
if (why) console.log(`test/runtime/faults/real-security.test.ts skipped: ${why}`);

// only where the tests run (vitest runs no hooks in a file whose tests are all skipped)
const tmp = why ? { dir: '/nonexistent', remove: () => undefined } : tempDir('kaconf-hd-realsec-');
afterAll(tmp.remove);
const D = tmp.dir;

function setup(): void {
  chmodSync(D, 0o755);
  const dir = (name: string, mode: number, uid = 0, gid = 0): string => {
    const p = join(D, name);
    mkdirSync(p);
    chownSync(p, uid, gid);
    chmodSync(p, mode);
    return p;
  };
  const file = (path: string, mode = 0o755, uid = 0, gid = 0): void => {
    writeFileSync(path, '#!/bin/sh\nexit 0\n');
    chownSync(path, uid, gid);
    chmodSync(path, mode);
  };
  file(join(dir('ok', 0o755), 'chk.sh'));
  file(join(dir('gw', 0o775, 0, 1000), 'chk.sh'));
  file(join(dir('user', 0o755, 65534, 65534), 'chk.sh'));
  file(join(dir('sticky', 0o1777), 'chk.sh'));
  file(join(D, 'ok', 'ww.sh'), 0o757);
  file(join(D, 'ok', 'noexec.sh'), 0o644);
  symlinkSync(join(D, 'ok'), join(D, 'link'));
}

const cmd = (...argv: string[]): PlanCommand => ({ text: argv.join(' '), argv });
const asRoot: PlanGlobal = { routerId: null, scriptSecurity: true, scriptUser: { user: 'root' }, strict: false, garpIntervalMs: 0, gnaIntervalMs: 0 };

describe.skipIf(why !== undefined)('script security on the real file system', () => {
  if (!why) setup();
  const runner = processScripts(memoryLogger(), null);
  const vet = (path: string, global: PlanGlobal = asRoot, version = '2.3.2') => runner.vet!(cmd(path, '--x'), global, version);

  it('root-owned paths run; each unsafe component is named', () => {
    expect(vet(join(D, 'ok', 'chk.sh'))).toMatchObject({ run: true, insecure: null });
    expect(vet(join(D, 'sticky', 'chk.sh'))).toMatchObject({ run: true, insecure: null });
    expect(vet(join(D, 'gw', 'chk.sh'))).toMatchObject({ run: false, why: 'insecure', reason: `${join(D, 'gw')} is writable by group 1000, and the script would run as root` });
    expect(vet(join(D, 'user', 'chk.sh'))).toMatchObject({ run: false, why: 'insecure', reason: `${join(D, 'user')} is owned by uid 65534, not root, and the script would run as root` });
    expect(vet(join(D, 'ok', 'ww.sh'))).toMatchObject({ run: false, why: 'insecure', reason: `${join(D, 'ok', 'ww.sh')} is writable by everyone, and the script would run as root` });
    expect(vet(join(D, 'ok', 'noexec.sh'))).toMatchObject({ run: false, why: 'not-executable' });
    expect(vet(join(D, 'ok', 'missing.sh'))).toMatchObject({ run: false, why: 'not-found' });
  });

  it('without enable_script_security an insecure script runs, flagged', () => {
    expect(vet(join(D, 'gw', 'chk.sh'), { ...asRoot, scriptSecurity: false })).toMatchObject({ run: true, insecure: `${join(D, 'gw')} is writable by group 1000, and the script runs as root` });
  });

  it('a path through a symlinked directory: refused by 2.3 rules, accepted by 2.2 rules', () => {
    expect(vet(join(D, 'link', 'chk.sh'))).toMatchObject({ run: false, why: 'insecure', reason: expect.stringContaining(`${join(D, 'link')} is a symbolic link`) });
    expect(vet(join(D, 'link', 'chk.sh'), asRoot, '2.2.7')).toMatchObject({ run: true, insecure: null });
  });

  it('a script run as nobody is not path-checked (keepalived protects root only)', () => {
    expect(vet(join(D, 'gw', 'chk.sh'), { ...asRoot, scriptUser: { user: 'nobody' } })).toMatchObject({ run: true, insecure: null, command: { user: 'nobody' } });
  });

  it('the daemon refuses them with a line naming the path and why, and runs without them', async () => {
    const d = fakeDrivers();
    const scripts = processScripts(d.logger, { user: 'root' });
    const text =
      `vrrp_script chk {\n    script "${join(D, 'gw', 'chk.sh')}"\n    interval 1\n}\n` +
      instance(`    track_script {\n        chk\n    }\n    notify_master "${join(D, 'user', 'chk.sh')} master"\n    notify_backup ${join(D, 'ok', 'chk.sh')}`);
    const daemon = new Daemon(planOf(D, text, '    enable_script_security\n    script_user root\n'), { ...d, scripts });
    await daemon.start();
    const errors = d.logger.lines.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors).toEqual([
      `VRRP_Script(chk): ${join(D, 'gw', 'chk.sh')} is refused (insecure): ${join(D, 'gw')} is writable by group 1000, and the script would run as root; disabling track script chk; VI_1 no longer tracks it`,
      `(VI_1) notify_master: ${join(D, 'user', 'chk.sh')} is refused (insecure): ${join(D, 'user')} is owned by uid 65534, not root, and the script would run as root; it will not be run`,
    ]);
    expect(daemon.currentPlan.instances.VI_1!.notify.backup).toBeDefined();
    await d.clock.advance(4000);
    expect(daemon.status(1).instances[0]!.state).toBe('MASTER');
    await daemon.stop();
  });

  it('kaconf run --dry-run says which scripts a start would refuse', () => {
    const conf = join(D, 'dry.conf');
    writeFileSync(conf, `global_defs {\n    enable_script_security\n    script_user root\n}\nvrrp_script chk {\n    script "${join(D, 'gw', 'chk.sh')}"\n}\n${instance('    track_script {\n        chk\n    }')}`);
    const r = kaconf(['run', conf, '--dry-run', '--control', join(D, 'dry.sock')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`script checks on this host:\n  error: VRRP_Script(chk): ${join(D, 'gw', 'chk.sh')} is refused (insecure): ${join(D, 'gw')} is writable by group 1000`);
  });
});
