/**
 * Whole-process benchmarks of the command line on generated configs (bench/generate.ts):
 * `kaconf lint` against `keepalived -t` (in a network namespace that has the config's
 * interfaces), `kaconf fmt`, `convert --to yaml`, `compile`, `kaconf --version` against bare
 * `node -e 0`; the reference file (1000 instances + 1000 virtual servers) and, unless quick, the
 * 10× file and the in-process parse/lint throughput at both sizes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNamespace, interfacesOf } from '../test/helpers/keepalived.js';
import { generate, REFERENCE } from './generate.js';
import { type Command, type ProcessRun, type Row, KEEPALIVED, ROOT, kaconfBin, TAG, fmtMB, fmtMs, fmtX, median, medianMs, medianRss, onCleanup, roundRobin, runProcess } from './lib.js';

export interface CliOptions {
  quick: boolean;
  rounds: number;
  warmup: number;
  dir: string;
  log: (s: string) => void;
}

const NODE = process.execPath;
const KA_VERSION = ['--keepalived-version', '2.2.7'];
/** linear growth, with 25 % to spare: 10× the input may take at most 12.5× the time or memory */
const LINEAR = 12.5;

interface Sized {
  file: string;
  bytes: number;
  lines: number;
  netns: string;
  removeNetns: () => Promise<void>;
}

/** Write the generated config, make its namespace and check that both kaconf and keepalived accept it cleanly. */
function prepare(scale: number, o: CliOptions): Sized {
  const text = generate(REFERENCE.instances * scale, REFERENCE.servers * scale, 1);
  const file = join(o.dir, `bench-${scale}x.conf`);
  writeFileSync(file, text);
  const netns = `${TAG}${process.pid}-t${scale}`;
  const remove = checkNamespace(netns, interfacesOf(text));
  const removeNetns = onCleanup(remove);
  const sized = { file, bytes: Buffer.byteLength(text), lines: text.split('\n').length, netns, removeNetns };
  o.log(`${scale}× config: ${sized.lines} lines, ${(sized.bytes / 1e6).toFixed(2)} MB; checking that kaconf lint and keepalived -t accept it`);

  const ka = spawnSync('ip', ['netns', 'exec', netns, KEEPALIVED, '-t', '-f', file], { encoding: 'utf8', timeout: 600_000 });
  const kaOut = `${ka.stdout}${ka.stderr}`.trim();
  if (ka.status !== 0 || kaOut !== '') throw new Error(`keepalived -t does not accept the ${scale}× config cleanly (exit ${ka.status}):\n${kaOut.split('\n').slice(0, 20).join('\n')}`);
  const report = join(o.dir, 'lint.json');
  const kc = runProcess([kaconfBin(), 'lint', file, ...KA_VERSION, '--format', 'json'], { dir: o.dir, netns, stdoutFile: report });
  const json = JSON.parse(readFileSync(report, 'utf8') || '{}') as { summary?: { errors: number; warnings: number }; files?: { diagnostics: { rule: string; line: number; message: string }[] }[] };
  const diags = json.files?.flatMap((f) => f.diagnostics) ?? [];
  if (kc.status !== 0 || diags.length > 0) {
    throw new Error(`kaconf lint does not accept the ${scale}× config cleanly (exit ${kc.status}): ${diags.slice(0, 10).map((d) => `${d.line}: ${d.rule} ${d.message}`).join('; ')}${kc.stderr}`);
  }
  o.log(`  accepted by both (this check is the warm-up run: kaconf lint ${fmtMs(kc.ms)})`);
  return sized;
}

const lintCmd = (s: Sized, id: string): Command => ({ id, argv: [kaconfBin(), 'lint', s.file, ...KA_VERSION], netns: s.netns });
const keepalivedCmd = (s: Sized, id: string): Command => ({ id, argv: [KEEPALIVED, '-t', '-f', s.file], netns: s.netns });

interface InProcess {
  bytes: number;
  parseMs: number[];
  lintMs: number[];
  maxRssMB: number;
}

function inProcess(file: string, o: CliOptions): InProcess {
  const r = spawnSync(NODE, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/inprocess.ts'), file, String(o.rounds), String(o.warmup)], { cwd: ROOT, encoding: 'utf8', timeout: 3_600_000, maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`bench/inprocess.ts ${file}: exit ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${r.stderr.trim().split('\n').slice(-10).join('\n')}`);
  return JSON.parse(r.stdout) as InProcess;
}

export async function cliBench(o: CliOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const one = prepare(1, o);
  const mb1 = one.bytes / 1e6;
  const size1 = `${Math.round(one.lines / 1000)}k lines, ${mb1.toFixed(1)} MB`;

  o.log(`whole-process runs on the 1× file, ${o.warmup} warm-up + ${o.rounds} rounds, commands alternating`);
  const commands: Command[] = [
    lintCmd(one, 'lint'),
    keepalivedCmd(one, 'keepalived'),
    { id: 'fmt', argv: [kaconfBin(), 'fmt', one.file], netns: one.netns },
    { id: 'convert', argv: [kaconfBin(), 'convert', one.file, '--to', 'yaml'], netns: one.netns },
    { id: 'compile', argv: [kaconfBin(), 'compile', one.file, ...KA_VERSION, '-o', join(o.dir, 'plan.json')], netns: one.netns },
    { id: 'version', argv: [kaconfBin(), '--version'] },
    { id: 'node', argv: [NODE, '-e', '0'] },
    { id: 'netns', argv: ['/bin/true'], netns: one.netns },
  ];
  const runs = roundRobin(commands, { rounds: o.rounds, warmup: o.warmup, dir: o.dir, log: o.log });
  await one.removeNetns();
  const m = (id: string): ProcessRun[] => runs.get(id)!;
  const ka = medianMs(m('keepalived'));
  const kaRss = medianRss(m('keepalived'));

  const lint = medianMs(m('lint'));
  const lintRss = medianRss(m('lint'));
  rows.push({ what: `\`kaconf lint\` vs \`keepalived -t\`, reference file (${size1}): wall time`, kaconf: fmtMs(lint), reference: fmtMs(ka), ratio: fmtX(lint / ka), target: '≤ 2.5×', pass: lint / ka <= 2.5 });
  rows.push({ what: '… peak RSS', kaconf: fmtMB(lintRss), reference: fmtMB(kaRss), ratio: fmtX(lintRss / kaRss), target: '≤ 150 MB', pass: lintRss <= 150 });
  for (const [id, label] of [
    ['fmt', '`kaconf fmt`'],
    ['convert', '`kaconf convert --to yaml`'],
    ['compile', '`kaconf compile`'],
  ] as const) {
    const t = medianMs(m(id));
    const r = medianRss(m(id));
    rows.push({ what: `${label}, reference file: wall time (vs \`keepalived -t\`)`, kaconf: fmtMs(t), reference: fmtMs(ka), ratio: fmtX(t / ka), target: '—' });
    rows.push({ what: '… peak RSS', kaconf: fmtMB(r), reference: fmtMB(kaRss), ratio: fmtX(r / kaRss), target: '—' });
  }
  const v = medianMs(m('version'));
  const n = medianMs(m('node'));
  rows.push({ what: '`kaconf --version` vs `node -e 0`', kaconf: fmtMs(v), reference: fmtMs(n), ratio: `+${(v - n).toFixed(1)} ms`, target: '≤ +30 ms', pass: v - n <= 30 });

  notes.push(`Every command on a config file runs as \`ip netns exec NS /usr/bin/time … COMMAND\` in the namespace that has the config's interfaces; that wrapper alone (\`/bin/true\`) takes ${fmtMs(medianMs(m('netns')))}, included in both sides' times. \`--version\` and \`node -e 0\` run outside it.`);
  if (o.quick) return { rows, notes };

  const ten = prepare(10, o);
  const size10 = `${Math.round(ten.lines / 1000)}k lines, ${(ten.bytes / 1e6).toFixed(1)} MB`;
  o.log(`whole-process runs on the 10× file, ${o.rounds} rounds (the acceptance check above was the warm-up)`);
  const runs10 = roundRobin([lintCmd(ten, 'lint'), keepalivedCmd(ten, 'keepalived')], { rounds: o.rounds, warmup: 0, dir: o.dir, log: o.log });
  await ten.removeNetns();
  const lint10 = medianMs(runs10.get('lint')!);
  const lint10Rss = medianRss(runs10.get('lint')!);
  const ka10 = medianMs(runs10.get('keepalived')!);
  const ka10Rss = medianRss(runs10.get('keepalived')!);
  rows.push({ what: `\`kaconf lint\` vs \`keepalived -t\`, 10× file (${size10}): wall time`, kaconf: fmtMs(lint10), reference: fmtMs(ka10), ratio: fmtX(lint10 / ka10), target: '—' });
  rows.push({ what: '… peak RSS', kaconf: fmtMB(lint10Rss), reference: fmtMB(ka10Rss), ratio: fmtX(lint10Rss / ka10Rss), target: '—' });
  rows.push({ what: 'growth 1× → 10×: lint wall time (kaconf; keepalived -t)', kaconf: fmtX(lint10 / lint), reference: fmtX(ka10 / ka), ratio: '—', target: `≤ ${LINEAR}× (linear)`, pass: lint10 / lint <= LINEAR });
  rows.push({ what: 'growth 1× → 10×: lint peak RSS (kaconf; keepalived -t)', kaconf: fmtX(lint10Rss / lintRss), reference: fmtX(ka10Rss / kaRss), ratio: '—', target: `≤ ${LINEAR}× (linear)`, pass: lint10Rss / lintRss <= LINEAR });

  o.log(`in-process parse and lint, 1× file (${o.warmup} warm-up + ${o.rounds} runs)`);
  const ip1 = inProcess(one.file, o);
  o.log(`  parse ${ip1.parseMs.map((x) => x.toFixed(0)).join(' ')} ms; lint ${ip1.lintMs.map((x) => x.toFixed(0)).join(' ')} ms`);
  o.log(`in-process parse and lint, 10× file`);
  const ip10 = inProcess(ten.file, o);
  o.log(`  parse ${ip10.parseMs.map((x) => x.toFixed(0)).join(' ')} ms; lint ${ip10.lintMs.map((x) => x.toFixed(0)).join(' ')} ms`);
  const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);
  const kaMbps = mbps(one.bytes, ka);
  for (const stage of ['parse', 'lint'] as const) {
    const t1 = median(stage === 'parse' ? ip1.parseMs : ip1.lintMs);
    const t10 = median(stage === 'parse' ? ip10.parseMs : ip10.lintMs);
    const label = stage === 'parse' ? 'in-process parse (text → AST)' : 'in-process lint (parse, Document, schema, rules)';
    rows.push({ what: `${label}, 1×: throughput (vs \`keepalived -t\` whole process)`, kaconf: `${mbps(ip1.bytes, t1).toFixed(2)} MB/s`, reference: `${kaMbps.toFixed(2)} MB/s`, ratio: fmtX(mbps(ip1.bytes, t1) / kaMbps), target: '—' });
    rows.push({ what: `… 10×: throughput; growth of the time 1× → 10×`, kaconf: `${mbps(ip10.bytes, t10).toFixed(2)} MB/s`, reference: `1×: ${mbps(ip1.bytes, t1).toFixed(2)} MB/s`, ratio: fmtX(t10 / t1), target: `≤ ${LINEAR}× (linear)`, pass: t10 / t1 <= LINEAR });
  }
  notes.push(
    `In-process times (median, ms): parse ${median(ip1.parseMs).toFixed(0)} (1×) / ${median(ip10.parseMs).toFixed(0)} (10×), lint ${median(ip1.lintMs).toFixed(0)} / ${median(ip10.lintMs).toFixed(0)}; peak RSS of those processes ${fmtMB(ip1.maxRssMB)} / ${fmtMB(ip10.maxRssMB)}.`,
  );
  notes.push(`keepalived -t itself grows ${fmtX(ka10 / ka)} in time from the 1× to the 10× file (${fmtMs(ka)} → ${fmtMs(ka10)}).`);
  return { rows, notes };
}
