/**
 * The ipvsadm IPVS driver. The initial table goes to the kernel as one batch through
 * `ipvsadm -R` (the ipvsadm-restore format, read from stdin) — not through the
 * `ipvsadm-restore` wrapper script, which runs `ipvsadm -C` first and would wipe services
 * kaconf did not create. Later changes are single `ipvsadm -a/-e/-d` runs. On stop only what
 * this daemon created is removed: its services, and its destinations in services it found.
 *
 * `ipvsadm -R` goes on after a line fails and its exit status is the last line's, so after the
 * batch the table is read back (`ipvsadm -S -n`) and each command checked against it.
 * Errors are values: each command's outcome is returned for the daemon to log.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PlanIpvsService } from '../../compile/plan.js';
import { writeFileAtomic } from '../../cli/write-file.js';
import { type IpvsTable, ipvsadmArgs, parseSave } from './ipvsadm-args.js';
import { Ownership } from './ownership.js';
import { type IpvsCommand, type IpvsDriver, type IpvsResult, destKey, serviceKey } from './types.js';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  /** the program could not be started (ENOENT, EACCES) */
  spawnError?: string;
}

export type Exec = (file: string, args: string[], input?: string) => Promise<ExecResult>;

/** Run a program, feed it input, collect its output (never throws). */
export const runProgram: Exec = (file, args, input) =>
  new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let done = false;
    const finish = (r: ExecResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ code: -1, stdout, stderr: `${stderr}${file} did not finish within 30 s`.trim() });
    }, 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => finish({ code: -1, stdout, stderr, spawnError: `${file}: ${e.code ?? e.message}` }));
    child.on('close', (code) => finish({ code: code ?? -1, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });

export interface IpvsadmOptions {
  exec?: Exec;
  /** the program (default `ipvsadm`, found on PATH) */
  program?: string;
  /** file remembering the services this daemon created, so a run after a crash still removes them */
  ownedPath?: string;
}

const firstLine = (r: ExecResult): string => (r.spawnError ?? r.stderr.trim().split('\n')[0] ?? '') || `exit status ${r.code}`;

export function ipvsadmDriver(options: IpvsadmOptions = {}): IpvsDriver & { readonly owned: Ownership } {
  const exec = options.exec ?? runProgram;
  const program = options.program ?? 'ipvsadm';
  const owned = new Ownership();

  const loadOwned = (): PlanIpvsService[] => {
    if (!options.ownedPath) return [];
    try {
      const data = JSON.parse(readFileSync(options.ownedPath, 'utf8')) as { services?: PlanIpvsService[] };
      return Array.isArray(data.services) ? data.services : [];
    } catch {
      return [];
    }
  };
  const saveOwned = (): void => {
    if (!options.ownedPath) return;
    try {
      writeFileAtomic(options.ownedPath, `${JSON.stringify({ pid: process.pid, services: [...owned.created.values()] }, null, 2)}\n`, 0o600);
    } catch {
      // the state directory may be read-only; stopping still removes what this run knows
    }
  };
  const readTable = async (): Promise<{ table: IpvsTable } | { error: string }> => {
    const r = await exec(program, ['-S', '-n']);
    if (r.spawnError || r.code !== 0) return { error: firstLine(r) };
    return { table: parseSave(r.stdout) };
  };

  /** one command, with keepalived's tolerance (ipvswrapper.c ipvs_talk) */
  const one = async (command: IpvsCommand): Promise<IpvsResult> => {
    const r = await exec(program, ipvsadmArgs(command));
    if (!r.spawnError && r.code === 0) {
      owned.note(command);
      saveOwned();
      return { command, ok: true };
    }
    const msg = firstLine(r);
    if (r.spawnError) return { command, ok: false, message: msg };
    if (/already exists/i.test(msg) && command.op === 'add-service') return { command, ok: true, message: msg };
    if (/already exists/i.test(msg) && command.op === 'add-dest') {
      // keep the weight we meant
      const e = await one({ ...command, op: 'edit-dest' });
      return { command, ok: e.ok, message: e.ok ? msg : (e.message ?? msg) };
    }
    if (/No such destination/i.test(msg) && command.op === 'edit-dest') {
      const a = await one({ ...command, op: 'add-dest' });
      return { command, ok: a.ok, ...(a.message ? { message: a.message } : {}) };
    }
    if (/No such (destination|service)|not defined/i.test(msg) && (command.op === 'del-dest' || command.op === 'del-service')) {
      owned.note(command);
      return { command, ok: true, message: msg };
    }
    return { command, ok: false, message: msg };
  };

  return {
    kind: 'ipvsadm',
    owned,
    async init(commands: IpvsCommand[]): Promise<IpvsResult[]> {
      const before = await readTable();
      if ('error' in before) return commands.map((command) => ({ command, ok: false, message: before.error }));
      const table = before.table;
      // services an earlier kaconf run created (and did not remove: it was killed) count as ours
      for (const s of loadOwned()) if (table.has(serviceKey(s))) owned.created.set(serviceKey(s), s);
      // what is already there is edited, not added again (ipvsadm -R would fail those lines)
      const batch = commands.map((c): IpvsCommand => {
        const t = table.get(serviceKey(c.service));
        if (c.op === 'add-service' && t) return { ...c, op: 'edit-service' };
        if (c.op === 'add-dest' && t?.dests.has(destKey(c.dest))) return { ...c, op: 'edit-dest' };
        return c;
      });
      const r = await exec(program, ['-R'], batch.map((c) => `${ipvsadmArgs(c).join(' ')}\n`).join(''));
      if (r.spawnError) return commands.map((command) => ({ command, ok: false, message: firstLine(r) }));
      const after = await readTable();
      const problems = r.stderr.trim().split('\n').filter(Boolean);
      const results = batch.map((c, i): IpvsResult => {
        const command = commands[i]!;
        if ('error' in after) return { command, ok: r.code === 0, ...(r.code ? { message: problems[0] ?? firstLine(r) } : {}) };
        const t = after.table.get(serviceKey(c.service));
        const present =
          c.op === 'del-service' ? !t : c.op === 'del-dest' ? !t?.dests.has(destKey(c.dest)) : c.op === 'add-dest' || c.op === 'edit-dest' ? t?.dests.get(destKey(c.dest))?.weight === c.dest.weight : !!t;
        if (present) {
          if (c.op !== 'edit-service' && c.op !== 'edit-dest') owned.note(c);
          return { command, ok: true };
        }
        return { command, ok: false, message: problems.length ? problems.join('; ') : 'not in the table after ipvsadm -R' };
      });
      saveOwned();
      return results;
    },
    apply: one,
    async stop(): Promise<IpvsResult[]> {
      const out: IpvsResult[] = [];
      for (const c of owned.undo()) out.push(await one(c));
      saveOwned();
      return out;
    },
    async release(services): Promise<IpvsResult[]> {
      const out: IpvsResult[] = [];
      for (const c of owned.undo(services)) out.push(await one(c));
      saveOwned();
      return out;
    },
  };
}
