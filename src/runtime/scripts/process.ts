/**
 * Scripts as child processes, run the way keepalived runs them: the words of the command
 * executed directly (no shell unless the command is one), in a process group of their own
 * so a timeout can end the script and whatever it started (SIGTERM, then SIGKILL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import type { PlanCommand } from '../../compile/plan.js';
import type { Logger, ScriptResult, ScriptRunner } from '../drivers.js';

interface Ids {
  uid?: number;
  gid?: number;
}

function idsOf(cmd: PlanCommand, fallback: { user: string; group?: string } | null): Ids {
  const user = cmd.user ?? fallback?.user;
  const group = cmd.group ?? (cmd.user ? undefined : fallback?.group);
  if (!user || process.getuid?.() !== 0) return {};
  const id = (args: string[]): number => Number.parseInt(execFileSync('id', args, { encoding: 'utf8' }).trim(), 10);
  const out: Ids = { uid: id(['-u', user]), gid: id(['-g', user]) };
  if (group) out.gid = Number.parseInt(execFileSync('getent', ['group', group], { encoding: 'utf8' }).split(':')[2] ?? '', 10);
  return out;
}

export function processScripts(logger: Logger, scriptUser: { user: string; group?: string } | null): ScriptRunner {
  const children = new Set<ChildProcess>();
  const ids = new Map<string, Ids>();
  const idFor = (cmd: PlanCommand): Ids => {
    const key = `${cmd.user ?? ''}:${cmd.group ?? ''}`;
    if (!ids.has(key)) ids.set(key, idsOf(cmd, scriptUser));
    return ids.get(key)!;
  };
  const start = (cmd: PlanCommand, args: string[], tracked = true): ChildProcess => {
    const [file, ...rest] = cmd.argv;
    const child = spawn(file!, [...rest, ...args], { stdio: 'ignore', detached: true, ...idFor(cmd) });
    if (tracked) children.add(child);
    child.on('exit', () => children.delete(child));
    child.on('error', () => children.delete(child));
    return child;
  };
  const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    check(cmd: PlanCommand, timeoutMs: number): Promise<ScriptResult> {
      return new Promise((resolve) => {
        let child: ChildProcess;
        try {
          child = start(cmd, []);
        } catch (e) {
          resolve({ ok: false, code: null, signal: null, timedOut: false, error: (e as Error).message });
          return;
        }
        let timedOut = false;
        let kill: NodeJS.Timeout | undefined;
        const timer = setTimeout(() => {
          timedOut = true;
          killGroup(child, 'SIGTERM');
          kill = setTimeout(() => killGroup(child, 'SIGKILL'), 2000);
        }, timeoutMs);
        child.on('error', (e) => {
          clearTimeout(timer);
          resolve({ ok: false, code: null, signal: null, timedOut: false, error: e.message });
        });
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          if (kill) clearTimeout(kill);
          if (timedOut) killGroup(child, 'SIGKILL');
          resolve({ ok: !timedOut && code === 0, code, signal, timedOut });
        });
      });
    },
    notify(cmd: PlanCommand, args: string[]): void {
      try {
        const child = start(cmd, args, false);
        child.on('error', (e) => logger.log('warning', `notify script ${cmd.argv[0]} could not run: ${e.message}`));
        child.unref();
      } catch (e) {
        logger.log('warning', `notify script ${cmd.argv[0]} could not run: ${(e as Error).message}`);
      }
    },
    stop(): void {
      for (const c of children) killGroup(c, 'SIGTERM');
    },
  };
}
