/**
 * In-process throughput of parse and lint on one file (run by bench/cli.ts in a fresh process
 * per file size, so that one size's garbage does not weigh on the other):
 *   node --expose-gc --import tsx bench/inprocess.ts FILE ROUNDS WARMUP
 * prints {"bytes", "parseMs": [...], "lintMs": [...], "maxRssMB"} (lint includes its parse).
 */
import { readFileSync } from 'node:fs';
import { lintText } from '../src/lint/index.js';
import { preloadValidator } from '../src/model/validate.js';
import { parseVersion } from '../src/model/versions.js';
import { parseText } from '../src/syntax/index.js';

const [file, roundsArg = '5', warmupArg = '1'] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/inprocess.ts FILE [ROUNDS] [WARMUP]');
const text = readFileSync(file, 'utf8');
const version = parseVersion('2.2.7')!;
await preloadValidator(version);

/** each timed run starts from a collected heap (node --expose-gc), so that it pays for its own garbage only */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const time = (fn: () => unknown): number => {
  gc();
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

const parseMs: number[] = [];
const lintMs: number[] = [];
let findings = -1;
for (let i = 0; i < Number(warmupArg) + Number(roundsArg); i++) {
  const p = time(() => parseText(text, file));
  const l = time(() => {
    findings = lintText(text, file, { version }).diagnostics.length;
  });
  if (i >= Number(warmupArg)) {
    parseMs.push(p);
    lintMs.push(l);
  }
}
process.stdout.write(`${JSON.stringify({ bytes: Buffer.byteLength(text), parseMs, lintMs, findings, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
