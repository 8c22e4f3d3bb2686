/**
 * The ipvsadm driver and the IPVS probe against a fake ipvsadm (this kernel has no IPVS, so the
 * driver is tested for the exact programs, arguments and stdin it runs, and for how it reads
 * ipvsadm's answers and failures). One test asks the real ipvsadm on this host.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanIpvsService } from '../../../src/compile/plan.js';
import { type IpvsTable, applyToTable, parseSave, tableLines } from '../../../src/runtime/ipvs/ipvsadm-args.js';
import { type Exec, type ExecResult, ipvsadmDriver, runProgram } from '../../../src/runtime/ipvs/ipvsadm.js';
import { probeIpvs } from '../../../src/runtime/ipvs/probe.js';
import type { IpvsCommand, IpvsDest, IpvsService } from '../../../src/runtime/ipvs/types.js';

const dir = mkdtempSync(join(tmpdir(), 'kaconf-iv-ipvsadm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V: PlanIpvsService = { family: 'ipv4', protocol: 'TCP', address: '10.0.0.1', port: 80, fwmark: null };
const OTHER: PlanIpvsService = { family: 'ipv4', protocol: 'TCP', address: '10.0.0.9', port: 443, fwmark: null };
const svc = (s: PlanIpvsService): IpvsService => ({ ...s, scheduler: 'rr', schedFlags: [], ops: false, persistence: null });
const dest = (address: string, weight = 1): IpvsDest => ({ address, family: 'ipv4', port: 80, forwarding: { method: 'NAT' }, weight, uThreshold: 0, lThreshold: 0 });

/**
 * A fake ipvsadm over an in-memory table, with ipvsadm's own behaviour: -S -n prints the
 * table, -R runs each stdin line and goes on after a failing one (exit status = the last
 * line's), a failing command prints the kernel's reason on stderr and exits 1.
 */
function fakeIpvsadm(initial = '', opts: { noIpvs?: boolean; missing?: boolean; failOn?: RegExp } = {}) {
  const table: IpvsTable = parseSave(initial);
  const calls: { args: string[]; input?: string }[] = [];
  const exec: Exec = async (file, args, input) => {
    calls.push({ args, ...(input !== undefined ? { input } : {}) });
    if (opts.missing) return { code: -1, stdout: '', stderr: '', spawnError: `${file}: ENOENT` };
    if (opts.noIpvs) return { code: 2, stdout: '', stderr: "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n" };
    if (args[0] === '-S') return { code: 0, stdout: `${tableLines(table).join('\n')}\n`, stderr: '' };
    const one = (words: string[]): ExecResult => {
      if (opts.failOn?.test(words.join(' '))) return { code: 1, stdout: '', stderr: 'Memory allocation problem\n' };
      const c = toCommand(words);
      const err = applyToTable(table, c);
      return err ? { code: 1, stdout: '', stderr: `${err}\n` } : { code: 0, stdout: '', stderr: '' };
    };
    if (args[0] === '-R') {
      let last: ExecResult = { code: 0, stdout: '', stderr: '' };
      let stderr = '';
      for (const line of (input ?? '').split('\n').filter(Boolean)) {
        last = one(line.split(' '));
        stderr += last.stderr;
      }
      return { code: last.code, stdout: '', stderr };
    }
    return one(args);
  };
  return { exec, calls, table };
}

/** ipvsadm words back into a command (enough for the fake) */
function toCommand(words: string[]): IpvsCommand {
  const op = words[0]!;
  const service = [...parseSave(['-A', ...words.slice(1)].join(' ')).values()][0]!.service;
  const d = words.includes('-r') ? [...[...parseSave(['-a', ...words.slice(1)].join(' ')).values()][0]!.dests.values()][0] : undefined;
  const s = words.indexOf('-s');
  const full = { ...service, scheduler: s >= 0 ? words[s + 1]! : 'wlc', schedFlags: [], ops: false, persistence: null };
  const dd = d ? { address: d.address, family: service.family, port: d.port, forwarding: { method: d.method }, weight: d.weight, uThreshold: 0, lThreshold: 0 } : undefined;
  switch (op) {
    case '-A':
      return { op: 'add-service', service: full };
    case '-E':
      return { op: 'edit-service', service: full };
    case '-D':
      return { op: 'del-service', service };
    case '-a':
      return { op: 'add-dest', service, dest: dd! };
    case '-e':
      return { op: 'edit-dest', service, dest: dd! };
    default:
      return { op: 'del-dest', service, dest: dd! };
  }
}

const INIT: IpvsCommand[] = [
  { op: 'add-service', service: svc(V) },
  { op: 'add-dest', service: V, dest: dest('192.168.0.2', 3) },
  { op: 'add-dest', service: V, dest: dest('192.168.0.3') },
];

describe('ipvsadm driver', () => {
  it('applies the initial table as one ipvsadm -R batch, then reads it back', async () => {
    const f = fakeIpvsadm();
    const d = ipvsadmDriver({ exec: f.exec, ownedPath: join(dir, 'a.json') });
    const r = await d.init(INIT);
    expect(r.every((x) => x.ok)).toBe(true);
    expect(f.calls).toEqual([
      { args: ['-S', '-n'] },
      { args: ['-R'], input: '-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 3\n-a -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 1\n' },
      { args: ['-S', '-n'] },
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).services).toEqual([V]);
  });

  it('then single commands; on stop it removes its service, and only its destinations from a service it found', async () => {
    const f = fakeIpvsadm('-A -t 10.0.0.9:443 -s wlc\n-a -t 10.0.0.9:443 -r 192.168.9.9:443 -m -w 1\n');
    const d = ipvsadmDriver({ exec: f.exec });
    await d.init([...INIT, { op: 'add-service', service: svc(OTHER) }, { op: 'add-dest', service: OTHER, dest: { ...dest('192.168.0.4'), port: 443 } }]);
    // the existing service was edited, not added again (ipvsadm -R would have failed that line)
    expect(f.calls[1]!.input).toContain('-E -t 10.0.0.9:443 -s rr\n');
    expect((await d.apply({ op: 'del-dest', service: V, dest: dest('192.168.0.3') })).ok).toBe(true);
    expect((await d.apply({ op: 'edit-dest', service: V, dest: dest('192.168.0.2', 0) })).ok).toBe(true);
    expect(f.calls.slice(3).map((c) => c.args.join(' '))).toEqual(['-d -t 10.0.0.1:80 -r 192.168.0.3:80', '-e -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 0']);
    const stop = await d.stop();
    expect(stop.every((x) => x.ok)).toBe(true);
    expect(f.calls.slice(5).map((c) => c.args.join(' '))).toEqual(['-d -t 10.0.0.9:443 -r 192.168.0.4:443', '-D -t 10.0.0.1:80']);
    expect(tableLines(f.table)).toEqual(['-A -t 10.0.0.9:443 -s rr', '-a -t 10.0.0.9:443 -r 192.168.9.9:443 -m -w 1']);
  });

  it("tolerates what keepalived tolerates: an existing destination is edited, a missing one's edit becomes an add, a missing one's removal is fine", async () => {
    const f = fakeIpvsadm('-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 1\n');
    const d = ipvsadmDriver({ exec: f.exec });
    expect(await d.apply({ op: 'add-dest', service: V, dest: dest('192.168.0.2', 5) })).toMatchObject({ ok: true, message: 'Destination already exists' });
    expect(f.calls.map((c) => c.args[0])).toEqual(['-a', '-e']);
    expect(await d.apply({ op: 'edit-dest', service: V, dest: dest('192.168.0.7', 2) })).toMatchObject({ ok: true });
    expect(f.calls.slice(2).map((c) => c.args[0])).toEqual(['-e', '-a']);
    expect(await d.apply({ op: 'del-dest', service: V, dest: dest('192.168.0.8') })).toMatchObject({ ok: true, message: 'No such destination' });
    expect(tableLines(f.table)).toContain('-a -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 5');
  });

  it('reports failures as values: a failing batch line, a failing command, no ipvsadm, no IPVS', async () => {
    const f = fakeIpvsadm('', { failOn: /192\.168\.0\.3/ });
    const d = ipvsadmDriver({ exec: f.exec });
    const r = await d.init(INIT);
    expect(r.map((x) => x.ok)).toEqual([true, true, false]);
    expect(r[2]!.message).toBe('Memory allocation problem');
    expect(await d.apply({ op: 'add-dest', service: V, dest: dest('192.168.0.3') })).toMatchObject({ ok: false, message: 'Memory allocation problem' });

    const missing = ipvsadmDriver({ exec: fakeIpvsadm('', { missing: true }).exec });
    expect((await missing.init(INIT)).map((x) => x.message)).toEqual(Array(3).fill('ipvsadm: ENOENT'));
    const none = ipvsadmDriver({ exec: fakeIpvsadm('', { noIpvs: true }).exec });
    expect((await none.init(INIT))[0]).toMatchObject({ ok: false, message: "Can't initialize ipvs: Protocol not available" });
  });

  it('after a crash, a new run takes over the services the killed run created (the owned file) and removes them on stop', async () => {
    const owned = join(dir, 'owned.json');
    const f = fakeIpvsadm();
    const first = ipvsadmDriver({ exec: f.exec, ownedPath: owned });
    await first.init(INIT);
    // killed: no stop. The next run finds the service in the kernel and in the owned file
    const second = ipvsadmDriver({ exec: f.exec, ownedPath: owned });
    const r = await second.init(INIT);
    expect(r.every((x) => x.ok)).toBe(true);
    expect(f.calls.at(-2)!.input).toBe('-E -t 10.0.0.1:80 -s rr\n-e -t 10.0.0.1:80 -r 192.168.0.2:80 -m -w 3\n-e -t 10.0.0.1:80 -r 192.168.0.3:80 -m -w 1\n');
    await second.stop();
    expect(f.table.size).toBe(0);
  });
});

describe('IPVS probe', () => {
  it('says plainly what is missing', async () => {
    expect(await probeIpvs({ exec: fakeIpvsadm('', { noIpvs: true }).exec, exists: () => false })).toEqual({
      ok: false,
      reason: `this kernel has no IPVS: the ip_vs module is not loaded and cannot be loaded (no /proc/net/ip_vs; ipvsadm says "Can't initialize ipvs: Protocol not available")`,
    });
    expect(await probeIpvs({ exec: fakeIpvsadm('', { missing: true }).exec })).toEqual({ ok: false, reason: 'ipvsadm is not installed or cannot run (ipvsadm: ENOENT)' });
    const perm: Exec = async () => ({ code: 2, stdout: '', stderr: 'Permission denied (you must be root)\n' });
    expect(await probeIpvs({ exec: perm, exists: () => true })).toMatchObject({ ok: false, reason: expect.stringMatching(/^IPVS needs root/) });
    expect(await probeIpvs({ exec: fakeIpvsadm().exec, exists: () => true })).toMatchObject({ ok: true });
  });

  it('on this host', async () => {
    const r = await probeIpvs();
    if (r.ok) {
      console.log(`this host has IPVS (${r.detail}); the no-IPVS answer is covered by the fake above`);
      return;
    }
    // the kernel these tests were written on has no ip_vs module
    expect(r.reason).toMatch(/no IPVS|not installed|needs root/);
    console.log(`IPVS probe on this host: ${r.reason}`);
  });

  it('runProgram feeds stdin and reports a missing program', async () => {
    expect(await runProgram('cat', [], 'a\nb\n')).toEqual({ code: 0, stdout: 'a\nb\n', stderr: '' });
    expect((await runProgram('/nonexistent/ipvsadm', ['-S'])).spawnError).toBe('/nonexistent/ipvsadm: ENOENT');
  });
});
