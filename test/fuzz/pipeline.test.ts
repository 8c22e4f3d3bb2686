/**
 * Fuzzing the whole pipeline with mutated corpus configs: parse, lint (both releases), fmt,
 * convert and compile never throw, stay inside the file with their locations, and fmt stays
 * idempotent. `npm run fuzz` runs it much longer (FUZZ_RUNS); seeds of failures found are kept
 * in fixtures/fuzz/ as regression inputs.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../src/compile/index.js';
import { formatText } from '../../src/format/index.js';
import { lintText } from '../../src/lint/index.js';
import { convert } from '../../src/model/convert.js';
import { parseVersion } from '../../src/model/versions.js';
import { parseText } from '../../src/syntax/index.js';
import { FIXTURES, seedConfigs } from '../helpers/paths.js';
import { mutate, mutation } from './mutate.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const corpus = [...seedConfigs(), ...readdirSync(join(FIXTURES, 'vocab')).filter((f) => f.endsWith('.conf')).map((f) => join(FIXTURES, 'vocab', f))].map((f) =>
  readFileSync(f, 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'kaconf-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a user can run on the input; throws on a bug. */
function exercise(bytes: Buffer): void {
  const text = bytes.toString('utf8');
  const lines = text.split('\n').length;
  const file = join(dir, 'fuzz.conf');
  for (const mode of ['expanded', 'raw'] as const) {
    const p = parseText(text, file, { mode });
    for (const d of p.diagnostics) {
      if (d.loc.file !== file) continue;
      expect(d.loc.line, d.rule).toBeGreaterThanOrEqual(1);
      expect(d.loc.endLine, d.rule).toBeLessThanOrEqual(lines);
    }
  }
  for (const v of ['2.2.7', '2.3.2']) {
    const r = lintText(text, file, { version: parseVersion(v)! });
    for (const d of r.diagnostics) {
      expect(d.message, 'a rule failed').not.toMatch(/failed on this file/);
      if (d.loc.file !== file) continue;
      expect(d.loc.line, `${d.rule}: ${d.message}`).toBeGreaterThanOrEqual(1);
      expect(d.loc.endLine, `${d.rule}: ${d.message}`).toBeLessThanOrEqual(lines);
    }
  }
  const once = formatText(text, file).output;
  if (once !== undefined) expect(formatText(once, file).output).toBe(once);
  for (const to of ['yaml', 'json'] as const) {
    const c = convert(text, file, 'conf', to);
    if (c.output) convert(c.output, `x.${to}`, to, 'conf', { force: true });
  }
  writeFileSync(file, bytes);
  compileFile(file, { version: parseVersion('2.3.2')! });
}

describe('fuzzing the pipeline with mutated configs', () => {
  it(`${RUNS} mutated configs: no exception, locations inside the file, fmt idempotent`, () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, muts) => {
        exercise(mutate(corpus[which]!, muts));
      }),
      { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
  });
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => exercise(Buffer.from(b))),
      { numRuns: RUNS },
    );
  });
  const regressions = join(FIXTURES, 'fuzz');
  for (const f of readdirSync(regressions).filter((x) => x.endsWith('.conf'))) {
    it(`regression: ${f}`, () => exercise(readFileSync(join(regressions, f))));
  }
});
