/**
 * `npm run bench` (everything, writes bench/results.md) and `npm run bench:quick` (lint, fmt,
 * convert, compile and --version on the reference file; prints only).
 *
 *   tsx bench/index.ts [--quick] [--rounds N] [--warmup N] [--footprint-seconds S] [--only cli|takeover|footprint] [--no-write]
 *
 * Every row compares kaconf with keepalived (or a stated reference) measured in the same run.
 * Needs root (network namespaces), keepalived 2.2.7 at /usr/sbin/keepalived (or
 * KACONF_KEEPALIVED_227), a built kaconf (`npm run build`, which `npm run bench` does first),
 * and for the runtime benchmarks what the interop tests need (tcpdump, arping, python3).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Row, ROOT, cleanupAll, describeMachine, gitDescribe, machine, removeStaleNamespaces, snapshotBuild, table, tempDir } from './lib.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'footprint-seconds': { type: 'string', default: '60' },
    instances: { type: 'string', default: '250' },
    only: { type: 'string', multiple: true },
    'no-write': { type: 'boolean', default: false },
  },
});

const started = Date.now();
const log = (s: string): void => {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
};

async function main(): Promise<number> {
  if (process.getuid?.() !== 0) {
    process.stderr.write('bench: needs root (keepalived -t runs in a network namespace of its own)\n');
    return 2;
  }
  if (!existsSync(join(ROOT, 'dist/entry.js'))) {
    process.stderr.write('bench: kaconf is not built (npm run build)\n');
    return 2;
  }
  const rounds = Number(args.rounds);
  const warmup = Number(args.warmup);
  if (!(rounds >= 1) || !(warmup >= 0)) throw new Error('--rounds ≥ 1, --warmup ≥ 0');
  const only = new Set(args.only ?? (args.quick ? ['cli'] : ['cli', 'takeover', 'footprint']));
  const stale = removeStaleNamespaces();
  if (stale.length) log(`removed namespaces left by an earlier run: ${stale.join(', ')}`);

  const m = machine();
  log(`${describeMachine(m)}; load average ${m.load}`);
  const dir = tempDir();
  const build = snapshotBuild(dir);
  // imported now: the interop harness reads KACONF_BIN when it loads
  const { cliBench } = await import('./cli.js');
  const { footprintBench, takeoverBench } = await import('./runtime.js');
  const rows: Row[] = [];
  const notes: string[] = [];
  const section = async (r: Promise<{ rows: Row[]; notes: string[] }>): Promise<void> => {
    const x = await r;
    rows.push(...x.rows);
    notes.push(...x.notes);
  };
  if (only.has('cli')) await section(cliBench({ quick: args.quick!, rounds, warmup, dir, log }));
  const runtime = { rounds, warmup, footprintS: Number(args['footprint-seconds']), instances: Number(args.instances), log };
  if (only.has('takeover')) await section(takeoverBench(runtime));
  if (only.has('footprint')) await section(footprintBench(runtime));

  const end = machine();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const md = [
    `# kaconf benchmarks`,
    '',
    `${m.date} on ${describeMachine(m)}; kaconf ${gitDescribe()} (${build}; in-process rows: src/ at the start); load average ${m.load} at the start, ${end.load} at the end; ${minutes} min.`,
    `Medians of ${rounds} runs after ${warmup} warm-up${warmup === 1 ? '' : 's'}, kaconf and keepalived alternating; whole-process wall time and peak RSS (GNU time) unless the row says otherwise.`,
    '',
    table(rows),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  process.stdout.write(`\n${md}`);
  if (!args.quick && !args['no-write']) {
    writeFileSync(join(ROOT, 'bench/results.md'), md);
    log('written to bench/results.md');
  }
  log(`done in ${minutes} min`);
  return 0;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
} finally {
  await cleanupAll();
}
process.exit(code);
