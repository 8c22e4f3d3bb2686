/**
 * Scripts as child processes, run the way keepalived runs them: the words of the command
 * executed directly (no shell unless the command is one), in a process group of their own
 * so a timeout can end the script and whatever it started (SIGTERM, then SIGKILL), as the
 * script's user.
 *
 * What kaconf adds: a clean environment (a fixed PATH and the locale, nothing else of kaconf's
 * own environment), stdin and stdout on /dev/null as in keepalived, stderr read with only its
 * first bytes kept for the log (the rest is read and dropped, so a script writing without end
 * neither blocks nor grows kaconf's memory), and a timeout for notify scripts too (keepalived
 * lets them run for ever).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { PlanCommand, PlanGlobal } from '../../compile/plan.js';
import type { Logger, ScriptResult, ScriptRunner } from '../drivers.js';
import { type Accounts, type ScriptPolicy, type SecurityFs, type ScriptVerdict, SCRIPT_PATH, checkScript, hostAccounts, hostFs, scriptPolicy } from './security.js';

interface Ids {
  uid?: number;
  gid?: number;
}

export interface ProcessScriptsOptions {
  /** a notify script still running after this is killed (default 60 s) */
  notifyTimeoutMs?: number;
  /** SIGTERM, then SIGKILL this much later (default 2 s) */
  killGraceMs?: number;
  /** bytes of stderr kept for the log (default 4 KiB) */
  stderrCap?: number;
  /** how long stop() waits for notify scripts still running (notify_stop), as keepalived does (default 1 s) */
  stopWaitMs?: number;
  accounts?: Accounts;
  fs?: SecurityFs;
}

/** The environment scripts get: a fixed PATH and the locale; nothing else is passed on. */
export function scriptEnv(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = { PATH: SCRIPT_PATH };
  for (const k of ['LANG', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'TZ']) if (from[k] !== undefined) env[k] = from[k]!;
  return env;
}

/** First line of what a script wrote on stderr, short enough for a log line. */
function firstLine(s: string | undefined): string {
  const line = (s ?? '').split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function describeResult(r: ScriptResult): string {
  const base = r.timedOut ? 'timed out' : r.error ? `could not run (${r.error})` : r.signal ? `was killed by ${r.signal}` : `exited with status ${r.code}`;
  const err = firstLine(r.stderr);
  return err ? `${base}: ${err}` : base;
}

export function processScripts(
  logger: Logger,
  scriptUser: { user: string; group?: string } | null,
  opts: ProcessScriptsOptions = {},
): ScriptRunner & { running(): number; idle(): Promise<void> } {
  const notifyTimeoutMs = opts.notifyTimeoutMs ?? 60_000;
  const killGraceMs = opts.killGraceMs ?? 2000;
  const cap = opts.stderrCap ?? 4096;
  const accounts = opts.accounts ?? hostAccounts();
  const fs = opts.fs ?? hostFs;
  const env = scriptEnv();
  const children = new Map<ChildProcess, { notify: boolean; done: Promise<void> }>();
  const ids = new Map<string, Ids>();
  let policy: { key: string; policy: ScriptPolicy } | undefined;

  const idFor = (cmd: PlanCommand): Ids => {
    const user = cmd.user ?? scriptUser?.user;
    const group = cmd.group ?? (cmd.user ? undefined : scriptUser?.group);
    if (!user || accounts.self.uid !== 0) return {};
    const key = `${user}:${group ?? ''}`;
    if (!ids.has(key)) {
      const u = accounts.user(user);
      if (!u) throw new Error(`user ${user} does not exist`);
      const gid = group !== undefined ? accounts.group(group) : u.gid;
      if (gid === null) throw new Error(`group ${group} does not exist`);
      ids.set(key, { uid: u.uid, gid });
    }
    return ids.get(key)!;
  };

  const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  /** start a command; resolves when it has exited (and its stderr is read or given up on) */
  const run = (cmd: PlanCommand, args: string[], timeoutMs: number, notify: boolean): Promise<ScriptResult> =>
    new Promise((resolve) => {
      const [file, ...rest] = cmd.argv;
      let child: ChildProcess;
      try {
        child = spawn(file!, [...rest, ...args], { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env, ...idFor(cmd) });
      } catch (e) {
        resolve({ ok: false, code: null, signal: null, timedOut: false, error: (e as Error).message });
        return;
      }
      let settle!: () => void;
      const done = new Promise<void>((r) => (settle = r));
      children.set(child, { notify, done });
      const kept: Buffer[] = [];
      let keptBytes = 0;
      child.stderr?.on('data', (d: Buffer) => {
        if (keptBytes < cap) {
          const part = d.subarray(0, cap - keptBytes);
          kept.push(part);
          keptBytes += part.length;
        }
        // beyond the cap: read and dropped
      });
      child.stderr?.on('error', () => undefined);
      let timedOut = false;
      let kill: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child, 'SIGTERM');
        kill = setTimeout(() => killGroup(child, 'SIGKILL'), killGraceMs);
      }, timeoutMs);
      let finished = false;
      const finish = (r: ScriptResult): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        children.delete(child);
        settle();
        resolve(r);
      };
      child.on('error', (e) => {
        if (kill) clearTimeout(kill);
        finish({ ok: false, code: null, signal: null, timedOut: false, error: e.message });
      });
      child.on('exit', (code, signal) => {
        if (kill) clearTimeout(kill);
        // whatever the script started in its group goes with it when it was killed
        if (timedOut) killGroup(child, 'SIGKILL');
        const result = (): ScriptResult => ({ ok: !timedOut && code === 0, code, signal, timedOut, ...(keptBytes ? { stderr: Buffer.concat(kept).toString('utf8') } : {}) });
        // stderr may still hold the last lines; a grandchild keeping it open does not hold the result
        if (!child.stderr || child.stderr.closed) finish(result());
        else {
          const wait = setTimeout(() => finish(result()), 100);
          child.stderr.once('close', () => {
            clearTimeout(wait);
            finish(result());
          });
        }
      });
    });

  return {
    check(cmd: PlanCommand, timeoutMs: number): Promise<ScriptResult> {
      return run(cmd, [], timeoutMs, false);
    },
    notify(cmd: PlanCommand, args: string[]): void {
      const what = cmd.argv[0];
      void run(cmd, args, notifyTimeoutMs, true).then((r) => {
        if (r.ok) return;
        if (r.timedOut) logger.log('warning', `notify script ${what} was still running after ${notifyTimeoutMs / 1000} s: killed${firstLine(r.stderr) ? ` (${firstLine(r.stderr)})` : ''}`, { event: 'notify-timeout', script: what });
        else logger.log('warning', `notify script ${what} ${describeResult(r)}`, { event: 'notify-failed', script: what });
      });
    },
    async stop(): Promise<void> {
      // notify scripts started by the shutdown (notify_stop) get a moment to finish, as in keepalived
      const notifies = [...children].filter(([, c]) => c.notify).map(([, c]) => c.done);
      if (notifies.length) {
        let t: NodeJS.Timeout | undefined;
        await Promise.race([Promise.all(notifies), new Promise<void>((r) => (t = setTimeout(r, opts.stopWaitMs ?? 1000)))]);
        clearTimeout(t);
      }
      for (const c of children.keys()) killGroup(c, 'SIGTERM');
    },
    vet(cmd: PlanCommand, global: PlanGlobal, keepalivedVersion: string): ScriptVerdict {
      const key = JSON.stringify([global.scriptSecurity, global.scriptUser, keepalivedVersion]);
      if (policy?.key !== key) policy = { key, policy: scriptPolicy(global, keepalivedVersion, accounts) };
      return checkScript(cmd, policy.policy, fs);
    },
    running: () => children.size,
    /** resolves when no script runs (tests) */
    async idle(): Promise<void> {
      while (children.size) await Promise.all([...children.values()].map((c) => c.done));
    },
  };
}
