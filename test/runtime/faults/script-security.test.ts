/**
 * Script security as keepalived's check_script_secure decides it (src/runtime/scripts/security.ts),
 * on a file system described by a table (no root needed), and what the daemon does with a
 * refused script (src/runtime/scripts/vet.ts): a track_script is no longer tracked, a notify
 * script does not run, a MISC_CHECK checker is removed — each with a log line naming the path
 * and why.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanCommand } from '../../../src/compile/plan.js';
import { Daemon } from '../../../src/runtime/daemon.js';
import { recordingDriver } from '../../../src/runtime/ipvs/record.js';
import { type Accounts, type FileInfo, type ScriptPolicy, type SecurityFs, checkScript, cleanPath, scriptPolicy } from '../../../src/runtime/scripts/security.js';
import { fakeDrivers } from '../fakes.js';
import { SECURE, instance, messages, planOf, started, tempDir } from './helpers.js';

const tmp = tempDir('kaconf-hd-sec-');
afterAll(tmp.remove);

// ----- a file system as a table -----------------------------------------------------------

const DIR = 0o040000;
const REG = 0o100000;
const LNK = 0o120000;
type Entry = FileInfo & { target?: string };
const root = (mode: number, extra: Partial<Entry> = {}): Entry => ({ uid: 0, gid: 0, mode, ...extra });

function tableFs(entries: Record<string, Entry>): SecurityFs {
  const resolve = (p: string, depth = 0): string | null => {
    if (depth > 20) return null;
    const parts = cleanPath(p).split('/').filter(Boolean);
    let cur = '';
    for (let i = 0; i < parts.length; i++) {
      cur = `${cur}/${parts[i]}`;
      const e = entries[cur];
      if (!e) return null;
      if ((e.mode & 0o170000) === LNK) {
        const target = e.target!.startsWith('/') ? e.target! : `${cur.slice(0, cur.lastIndexOf('/'))}/${e.target}`;
        const rest = parts.slice(i + 1).join('/');
        return resolve(rest ? `${target}/${rest}` : target, depth + 1);
      }
    }
    return cur || '/';
  };
  return {
    lstat: (p) => (p === '/' ? root(DIR | 0o755) : (entries[p] ?? null)),
    stat: (p) => {
      const r = resolve(p);
      return r === null ? null : r === '/' ? root(DIR | 0o755) : entries[r]!;
    },
    realpath: (p) => resolve(p) ?? new Error('ENOENT'),
  };
}

const HOST: Record<string, Entry> = {
  '/usr': root(DIR | 0o755),
  '/usr/bin': root(DIR | 0o755),
  '/usr/bin/true': root(REG | 0o755),
  '/usr/bin/sh': root(LNK | 0o777, { target: 'dash' }),
  '/usr/bin/dash': root(REG | 0o755),
  '/usr/bin/notexec': root(REG | 0o644),
  '/usr/local': root(DIR | 0o755),
  '/usr/local/bin': root(DIR | 0o2775, { gid: 50 }), // group staff may write: not secure
  '/usr/local/bin/chk': root(REG | 0o755),
  '/bin': root(LNK | 0o777, { target: 'usr/bin' }),
  '/etc': root(DIR | 0o755),
  '/etc/keepalived': root(DIR | 0o755),
  '/etc/keepalived/ok.sh': root(REG | 0o755),
  '/etc/keepalived/gw.sh': root(REG | 0o775, { gid: 1000 }),
  '/etc/keepalived/ww.sh': root(REG | 0o757),
  '/etc/keepalived/mine.sh': root(REG | 0o755, { uid: 1000 }),
  '/tmp': root(DIR | 0o1777),
  '/tmp/x.sh': root(REG | 0o755),
  '/srv': root(DIR | 0o777), // world-writable, no sticky bit
  '/srv/x.sh': root(REG | 0o755),
  '/home': root(DIR | 0o755),
  '/home/op': root(DIR | 0o755, { uid: 1000, gid: 1000 }),
  '/home/op/check': root(REG | 0o755, { uid: 1000, gid: 1000 }),
  '/home/op/suid': root(REG | 0o4755),
};
const fs = tableFs(HOST);

const policy = (o: Partial<ScriptPolicy> = {}): ScriptPolicy => ({
  security: true,
  checkWrittenPath: true,
  path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  identity: () => ({ uid: 0, gid: 0 }),
  ...o,
});
const cmd = (text: string, extra: Partial<PlanCommand> = {}): PlanCommand => ({ text, argv: text.split(' '), ...extra });
const check = (text: string, o: Partial<ScriptPolicy> = {}) => checkScript(cmd(text), policy(o), fs);

describe("keepalived's check_script_secure", () => {
  it('a root-owned script in root-owned directories runs, as written', () => {
    expect(check('/etc/keepalived/ok.sh arg')).toEqual({ run: true, command: cmd('/etc/keepalived/ok.sh arg'), insecure: null, notes: [] });
    expect(check('/usr/bin/sh -c true')).toMatchObject({ run: true, insecure: null }); // a symlinked file is fine
  });

  it('a path a non-root user could change: refused with enable_script_security, run with a warning without it', () => {
    expect(check('/etc/keepalived/gw.sh')).toEqual({ run: false, why: 'insecure', reason: '/etc/keepalived/gw.sh is writable by group 1000, and the script would run as root', notes: [] });
    expect(check('/etc/keepalived/ww.sh')).toMatchObject({ run: false, reason: '/etc/keepalived/ww.sh is writable by everyone, and the script would run as root' });
    expect(check('/etc/keepalived/mine.sh')).toMatchObject({ run: false, reason: '/etc/keepalived/mine.sh is owned by uid 1000, not root, and the script would run as root' });
    expect(check('/srv/x.sh')).toMatchObject({ run: false, reason: '/srv is writable by everyone, and the script would run as root' });
    expect(check('/usr/local/bin/chk')).toMatchObject({ run: false, reason: '/usr/local/bin is writable by group 50, and the script would run as root' });
    expect(check('/etc/keepalived/gw.sh', { security: false })).toMatchObject({ run: true, insecure: '/etc/keepalived/gw.sh is writable by group 1000, and the script runs as root' });
  });

  it('a world-writable directory with the sticky bit (/tmp) is accepted, as in keepalived', () => {
    expect(check('/tmp/x.sh')).toMatchObject({ run: true, insecure: null });
  });

  it('2.3: a path through a symlinked directory is refused even without enable_script_security; 2.2 checks the resolved path', () => {
    const r = check('/bin/true', { security: false });
    expect(r).toEqual({ run: false, why: 'insecure', reason: '/bin is a symbolic link (keepalived wants every directory of a script path to be a real directory)', notes: [] });
    expect(check('/bin/true', { checkWrittenPath: false })).toMatchObject({ run: true, insecure: null });
    expect(check('/usr/bin/../bin/./true')).toMatchObject({ run: true }); // cleaned as keepalived cleans it
  });

  it('missing and not executable: refused whatever the security setting', () => {
    expect(check('/etc/keepalived/nope.sh', { security: false })).toEqual({ run: false, why: 'not-found', reason: '/etc/keepalived/nope.sh cannot be accessed: ENOENT', notes: [] });
    expect(check('/usr/bin/notexec', { security: false })).toEqual({ run: false, why: 'not-executable', reason: '/usr/bin/notexec is not executable for uid 0, gid 0', notes: [] });
    expect(check('')).toMatchObject({ run: false, why: 'not-found' });
  });

  it('a bare name is looked up in PATH (and a note asks for the full path)', () => {
    expect(check('dash -c true')).toEqual({ run: true, command: { text: 'dash -c true', argv: ['/usr/bin/dash', '-c', 'true'] }, insecure: null, notes: ['dash resolved by a PATH search to /usr/bin/dash; give the full path'] });
    expect(check('nosuch')).toMatchObject({ run: false, why: 'not-found', reason: 'nosuch is not found in PATH (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)' });
    expect(check('notexec')).toMatchObject({ run: false, why: 'not-executable' });
  });

  it('a script run as a non-root user is not path-checked (keepalived only protects root), unless it is setuid root', () => {
    const asOp = { identity: () => ({ uid: 1000, gid: 1000, user: 'op' }) };
    expect(checkScript(cmd('/home/op/check'), policy(asOp), fs)).toEqual({ run: true, command: { ...cmd('/home/op/check'), user: 'op' }, insecure: null, notes: [] });
    expect(checkScript(cmd('/srv/x.sh'), policy(asOp), fs)).toMatchObject({ run: true, insecure: null });
    expect(checkScript(cmd('/home/op/suid'), policy(asOp), fs)).toMatchObject({ run: false, reason: '/home/op is owned by uid 1000, not root, and the script would run as root' });
  });

  it('a `</file` test is handed to /bin/sh unchecked, as keepalived hands it to system()', () => {
    expect(check('</etc/keepalived/flag')).toMatchObject({ run: true, command: { argv: ['/bin/sh', '-c', '</etc/keepalived/flag'] } });
  });
});

describe('the user a script runs as', () => {
  const accounts = (users: Record<string, [number, number]>, self = { uid: 0, gid: 0 }): Accounts => ({
    user: (n) => (users[n] ? { uid: users[n]![0], gid: users[n]![1] } : null),
    group: (n) => (n === 'staff' ? 50 : null),
    self,
  });
  const withUser = { keepalived_script: [990, 990] as [number, number], op: [1000, 1000] as [number, number] };

  it("its own user, else script_user, else keepalived_script, else root; the name goes into the command so it runs as that user", () => {
    const p = scriptPolicy({ scriptSecurity: true, scriptUser: null }, '2.3.2', accounts(withUser));
    expect(p.identity(cmd('/x', { user: 'op', group: 'staff' }))).toEqual({ uid: 1000, gid: 50, user: 'op', group: 'staff' });
    expect(p.identity(cmd('/x'))).toEqual({ uid: 990, gid: 990, user: 'keepalived_script' });
    const q = scriptPolicy({ scriptSecurity: true, scriptUser: { user: 'op' } }, '2.3.2', accounts(withUser));
    expect(q.identity(cmd('/x'))).toEqual({ uid: 1000, gid: 1000, user: 'op' });
    const r = scriptPolicy({ scriptSecurity: false, scriptUser: null }, '2.3.2', accounts({}));
    expect(r.identity(cmd('/x'))).toEqual({ uid: 0, gid: 0 });
    const v = checkScript(cmd('/etc/keepalived/ok.sh'), scriptPolicy({ scriptSecurity: true, scriptUser: null }, '2.3.2', accounts(withUser)), fs);
    expect(v).toMatchObject({ run: true, command: { user: 'keepalived_script' } });
  });

  it('refused: no keepalived_script and no script_user with enable_script_security; a user or group that does not exist', () => {
    const p = scriptPolicy({ scriptSecurity: true, scriptUser: null }, '2.3.2', accounts({}));
    expect(checkScript(cmd('/etc/keepalived/ok.sh'), p, fs)).toMatchObject({
      run: false,
      why: 'no-user',
      reason: 'no script_user is set and there is no keepalived_script user; with enable_script_security scripts do not run as root by default',
    });
    expect(scriptPolicy({ scriptSecurity: false, scriptUser: { user: 'ghost' } }, '2.3.2', accounts({})).identity(cmd('/x'))).toEqual(new Error('script_user ghost does not exist on this host'));
    expect(p.identity(cmd('/x', { user: 'op', group: 'nogroup' }))).toBeInstanceOf(Error);
  });

  it('kaconf not running as root cannot switch users: every script runs as kaconf itself', () => {
    const p = scriptPolicy({ scriptSecurity: true, scriptUser: { user: 'ghost' } }, '2.3.2', accounts({}, { uid: 1000, gid: 1000 }));
    expect(p.identity(cmd('/x'))).toEqual({ uid: 1000, gid: 1000 });
  });

  it('2.2 and 2.3 differ on the path checked', () => {
    expect(scriptPolicy({ scriptSecurity: true, scriptUser: null }, '2.2.7').checkWrittenPath).toBe(false);
    expect(scriptPolicy({ scriptSecurity: true, scriptUser: null }, '2.3.2').checkWrittenPath).toBe(true);
  });
});

// ----- what the daemon does with a refused script -------------------------------------------

const refuse = (d: ReturnType<typeof fakeDrivers>, path: string, reason: string, why: 'insecure' | 'not-found' = 'insecure') => d.scripts.verdicts.set(path, { run: false, why, reason, notes: [] });

describe('a refused script in the daemon', () => {
  const chk = (extra = '') =>
    `vrrp_script chk {\n    script "/etc/keepalived/chk.sh --quick"\n    interval 1\n${extra}}\n` +
    instance('    track_script {\n        chk\n    }\n    notify_master /etc/keepalived/master.sh\n    notify_backup /etc/keepalived/backup.sh');

  it('a refused track_script is disabled and no longer tracked: its failures change nothing, one line names the path and why', async () => {
    const d = fakeDrivers();
    refuse(d, '/etc/keepalived/chk.sh', '/etc/keepalived is writable by group 1000, and the script would run as root');
    d.scripts.results.set('/etc/keepalived/chk.sh', false);
    const { st, daemon } = await started(planOf(tmp.dir, chk(), SECURE), d);
    expect(messages(d, 'error')).toEqual([
      'VRRP_Script(chk): /etc/keepalived/chk.sh is refused (insecure): /etc/keepalived is writable by group 1000, and the script would run as root; disabling track script chk; VI_1 no longer tracks it',
    ]);
    await d.clock.advance(5000);
    expect(d.scripts.checks).toEqual([]); // never run
    expect(st()).toMatchObject({ state: 'MASTER', faults: [] });
    expect(daemon.currentPlan.instances.VI_1!.track.scripts).toEqual([]);
  });

  it('a refused track_script with a weight: the weight no longer counts', async () => {
    const d = fakeDrivers();
    refuse(d, '/etc/keepalived/chk.sh', '/etc/keepalived/chk.sh cannot be accessed: ENOENT', 'not-found');
    const { st, daemon } = await started(planOf(tmp.dir, chk('    weight -50\n'), SECURE), d);
    expect(messages(d, 'error')[0]).toMatch(/^VRRP_Script\(chk\): \/etc\/keepalived\/chk.sh is refused \(not found\)/);
    expect(st().effectivePriority).toBe(100);
    expect(daemon.currentPlan.instances.VI_1!.effectivePriority.weights).toEqual([]);
  });

  it('a refused notify script does not run; the state change happens and the other scripts run', async () => {
    const d = fakeDrivers();
    refuse(d, '/etc/keepalived/master.sh', '/etc/keepalived/master.sh is owned by uid 1000, not root, and the script would run as root');
    const { st } = await started(planOf(tmp.dir, chk(), SECURE), d);
    expect(messages(d, 'error')).toEqual([
      '(VI_1) notify_master: /etc/keepalived/master.sh is refused (insecure): /etc/keepalived/master.sh is owned by uid 1000, not root, and the script would run as root; it will not be run',
    ]);
    await d.clock.advance(4000);
    expect(st().state).toBe('MASTER');
    expect(d.scripts.notified).toEqual([['/etc/keepalived/backup.sh']]); // BACKUP at start ran; MASTER's did not
    await d.clock.advance(1000);
    expect(d.scripts.checks.length).toBeGreaterThan(0);
  });

  it('insecure scripts that run (no enable_script_security) are warned about, with the SECURITY VIOLATION line keepalived gives', async () => {
    const d = fakeDrivers();
    d.scripts.verdicts.set('/etc/keepalived/chk.sh', { run: true, command: { text: '/etc/keepalived/chk.sh --quick', argv: ['/etc/keepalived/chk.sh', '--quick'] }, insecure: '/etc/keepalived/chk.sh is writable by everyone, and the script runs as root', notes: [] });
    // compile refuses scripts without enable_script_security (as keepalived -t): the plan is edited instead
    const plan = planOf(tmp.dir, chk(), SECURE);
    plan.global.scriptSecurity = false;
    await started(plan, d);
    expect(messages(d, 'warning')).toEqual(
      expect.arrayContaining([
        'VRRP_Script(chk): /etc/keepalived/chk.sh is insecure: /etc/keepalived/chk.sh is writable by everyone, and the script runs as root; it runs because enable_script_security is off',
        'SECURITY VIOLATION: VRRP scripts run without enable_script_security, and some of them are insecure',
      ]),
    );
    await d.clock.advance(1000);
    expect(d.scripts.checks).toContain('/etc/keepalived/chk.sh');
  });

  it('a refused MISC_CHECK checker is removed (the real server stays with its other checkers, here none: up)', async () => {
    const conf = `virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    delay_loop 1\n    real_server 127.0.0.1 8080 {\n        weight 1\n        MISC_CHECK {\n            misc_path "/srv/check.sh 127.0.0.1"\n        }\n    }\n}\n`;
    const d = fakeDrivers();
    refuse(d, '/srv/check.sh', '/srv is writable by everyone, and the script would run as root');
    const daemon = new Daemon(planOf(tmp.dir, conf, SECURE), { ...d, ipvs: recordingDriver({ clock: d.clock }) });
    await daemon.start();
    expect(messages(d, 'error')).toEqual([
      'MISC_CHECK on [127.0.0.1]:tcp:8080: /srv/check.sh is refused (insecure): /srv is writable by everyone, and the script would run as root; the checker is removed',
    ]);
    const rs = daemon.status(1).ipvs!.virtualServers[0]!.realServers[0]!;
    expect(rs).toMatchObject({ alive: true, checkers: [] });
    await daemon.stop();
  });

  it('on reload the scripts are checked again: one refused now is dropped from the restarted instance', async () => {
    const d = fakeDrivers();
    const text = chk();
    const { daemon, st } = await started(planOf(tmp.dir, text, SECURE), d);
    expect(daemon.currentPlan.instances.VI_1!.track.scripts).toHaveLength(1);
    refuse(d, '/etc/keepalived/chk.sh', '/etc/keepalived/chk.sh is writable by everyone, and the script would run as root');
    const r = await daemon.reload(planOf(tmp.dir, text, SECURE));
    expect(r.restarted).toEqual(['VI_1']);
    expect(daemon.currentPlan.instances.VI_1!.track.scripts).toEqual([]);
    expect(st().faults).toEqual([]);
  });
});
