/**
 * What every benchmark shares: timing a whole process (wall time around the spawn, peak RSS
 * from GNU time), medians, the clean-up of what a benchmark creates (also on failure and on
 * SIGINT/SIGTERM), the machine description and the results table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** the kaconf command the benchmarks run: KACONF_BIN (set by snapshotBuild()) or this checkout's */
export const kaconfBin = (): string => process.env.KACONF_BIN ?? join(ROOT, 'bin/kaconf.js');
export const KEEPALIVED = process.env.KACONF_KEEPALIVED_227 ?? '/usr/sbin/keepalived';
/** every namespace, directory and process group a benchmark creates is named after this */
export const TAG = 'kaconf-bh';

// ---------------------------------------------------------------- clean-up

const cleanups: (() => void | Promise<void>)[] = [];

/** Register a clean-up; returns the function that runs it now (and unregisters it). */
export function onCleanup(fn: () => void | Promise<void>): () => Promise<void> {
  cleanups.push(fn);
  return async () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) {
      cleanups.splice(i, 1);
      await fn();
    }
  };
}

export async function cleanupAll(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (e) {
      process.stderr.write(`bench: clean-up failed: ${(e as Error).message}\n`);
    }
  }
}

let signalled = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (signalled) return;
    signalled = true;
    process.stderr.write(`\nbench: ${sig}, cleaning up\n`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

/** Namespaces of earlier benchmark runs whose process is gone (killed with SIGKILL): deleted. */
export function removeStaleNamespaces(): string[] {
  const out = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  const removed: string[] = [];
  for (const line of out.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = new RegExp(`^${TAG}(\\d+)-`).exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive && pid !== process.pid) continue;
    for (const p of (spawnSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).stdout ?? '').split('\n').filter(Boolean)) {
      try {
        process.kill(Number(p), 'SIGKILL');
      } catch {
        // gone
      }
    }
    spawnSync('ip', ['netns', 'del', name]);
    removed.push(name);
  }
  return removed;
}

/** A temporary directory `<tmp>/kaconf-bh-…`, removed at clean-up. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), `${TAG}-`));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Copy the built kaconf (bin/, dist/, package.json; node_modules linked) into dir and point
 * KACONF_BIN at it, so that a rebuild of the checkout while the benchmarks run changes nothing
 * they measure. Returns the build's description (dist/entry.js's time).
 */
export function snapshotBuild(dir: string): string {
  const to = join(dir, 'kaconf');
  mkdirSync(to);
  cpSync(join(ROOT, 'bin'), join(to, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(to, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(to, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'));
  process.env.KACONF_BIN = join(to, 'bin/kaconf.js');
  return `dist/ built ${statSync(join(ROOT, 'dist/entry.js')).mtime.toISOString().replace(/\.\d+Z$/, 'Z')}`;
}

// ---------------------------------------------------------------- measuring

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

export interface ProcessRun {
  /** wall time of the whole process, ms (measured around the spawn) */
  ms: number;
  /** peak resident set size, MB (GNU time's %M) */
  rssMB: number;
  status: number | null;
  stderr: string;
}

/**
 * Run `cmd` (optionally `ip netns exec NS cmd`) under GNU time; stdout goes to /dev/null
 * (or to the file `stdoutFile`). The wall time includes the spawn of /usr/bin/time (about 1 ms,
 * the same for every command).
 */
export function runProcess(cmd: string[], o: { netns?: string; dir: string; stdoutFile?: string; timeoutMs?: number }): ProcessRun {
  const rssFile = join(o.dir, 'time.out');
  rmSync(rssFile, { force: true });
  const wrapped = ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...cmd];
  const argv = o.netns ? ['ip', 'netns', 'exec', o.netns, ...wrapped] : wrapped;
  const out = openSync(o.stdoutFile ?? '/dev/null', 'w');
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: o.timeoutMs ?? 600_000, maxBuffer: 64 << 20 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error) throw r.error;
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const rssKB = Number(lines[lines.length - 1]);
    return { ms, rssMB: rssKB / 1024, status: r.status, stderr: r.stderr ?? '' };
  } finally {
    closeSync(out);
  }
}

export interface Command {
  id: string;
  argv: string[];
  netns?: string;
  /** exit statuses that count as success (default 0) */
  ok?: number[];
}

/**
 * Round-robin: every round runs each command once, in order (so the commands alternate and
 * share the machine's state); the first `warmup` rounds are not counted.
 */
export function roundRobin(commands: Command[], o: { rounds: number; warmup: number; dir: string; log?: (s: string) => void }): Map<string, ProcessRun[]> {
  const runs = new Map<string, ProcessRun[]>(commands.map((c) => [c.id, []]));
  for (let round = 0; round < o.warmup + o.rounds; round++) {
    for (const c of commands) {
      const r = runProcess(c.argv, { dir: o.dir, ...(c.netns ? { netns: c.netns } : {}) });
      if (!(c.ok ?? [0]).includes(r.status ?? -1)) throw new Error(`${c.id}: exit ${r.status}: ${r.stderr.trim().split('\n').slice(0, 10).join('\n')}`);
      if (round >= o.warmup) runs.get(c.id)!.push(r);
    }
    o.log?.(`  round ${round + 1}/${o.warmup + o.rounds}${round < o.warmup ? ' (warm-up)' : ''}: ${commands.map((c) => `${c.id} ${runs.get(c.id)!.at(-1)?.ms.toFixed(0) ?? '-'} ms`).join(', ')}`);
  }
  return runs;
}

export const medianMs = (runs: ProcessRun[]): number => median(runs.map((r) => r.ms));
export const medianRss = (runs: ProcessRun[]): number => median(runs.map((r) => r.rssMB));

// ---------------------------------------------------------------- the machine

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  kernel: string;
  node: string;
  keepalived: string;
  date: string;
  load: string;
}

export function machine(): Machine {
  const model = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let ka = 'not found';
  try {
    const r = spawnSync(KEEPALIVED, ['--version'], { encoding: 'utf8' });
    ka = `${r.stderr}${r.stdout}`.split('\n')[0]!.trim();
  } catch {
    // not installed
  }
  let os = '';
  try {
    os = /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // no os-release
  }
  return {
    cpu: model.trim(),
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    kernel: `Linux ${release()}${os ? ` (${os})` : ''}`,
    node: process.version,
    keepalived: ka,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}, ${m.keepalived}`;
}

export function gitDescribe(): string {
  try {
    const head = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'grammar', 'schemas'], { encoding: 'utf8' }).trim() !== '';
    return `${head}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------- the table

export interface Row {
  what: string;
  kaconf: string;
  reference: string;
  /** ratio or difference */
  ratio: string;
  target: string;
  /** undefined: no target */
  pass?: boolean;
  /** a word after pass/fail */
  note?: string;
}

export function table(rows: Row[]): string {
  const head = '| command | kaconf | keepalived or reference | ratio | target | result |\n|---|---|---|---|---|---|';
  const body = rows.map((r) => `| ${r.what} | ${r.kaconf} | ${r.reference} | ${r.ratio} | ${r.target} | ${r.pass === undefined ? '—' : r.pass ? 'pass' : '**fail**'}${r.note ? ` (${r.note})` : ''} |`);
  return [head, ...body].join('\n');
}

export const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
export const fmtMB = (mb: number): string => `${mb.toFixed(mb < 10 ? 1 : 0)} MB`;
export const fmtX = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)}×`;
