/** Broken inputs: each gives an AST and the diagnostics written here by hand (rule, file, line). */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../../src/syntax/index.js';
import { FIXTURES } from '../helpers/paths.js';

const dir = join(FIXTURES, 'parse/broken');

const expected: Record<string, Array<[rule: string, line: number, file?: string]>> = {
  'unclosed-block.conf': [['syntax/unclosed-block', 4]],
  'stray-close.conf': [['syntax/unexpected-close', 4]],
  'unterminated-quote.conf': [['syntax/unterminated-quote', 3]],
  // the include on line 4 of cycle-b leads back to include-cycle.conf, which is being read
  'include-cycle.conf': [['syntax/include-cycle', 4, 'cycle-b.conf.inc']],
  'missing-include.conf': [['syntax/include-missing', 4]],
  'unknown-param.conf': [['syntax/unknown-parameter', 3]],
  'several-errors.conf': [
    ['syntax/unterminated-quote', 2],
    ['syntax/unexpected-close', 4],
    ['syntax/unclosed-block', 5],
    ['syntax/block-without-keyword', 6],
  ],
};

describe('broken inputs', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(name, () => {
      const r = parseFile(join(dir, name));
      if ('ioError' in r) throw new Error(r.ioError);
      const got = r.diagnostics.map((d) => [d.rule, d.loc.line, basename(d.loc.file)]);
      expect(got).toEqual(want.map(([rule, line, file]) => [rule, line, file ?? name]));
      for (const d of r.diagnostics) {
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.hint, `${d.rule} says what to do`).toBeTruthy();
      }
    });
  }

  it('binary garbage: no exception, NUL bytes reported on their lines, every location inside the file', () => {
    const file = join(dir, 'binary-garbage.conf');
    const r = parseFile(file);
    if ('ioError' in r) throw new Error(r.ioError);
    const buf = readFileSync(file);
    const lines = buf.toString('utf8').split('\n');
    const nulLines = lines.flatMap((l, i) => (l.includes('\0') ? [i + 1] : []));
    expect(nulLines.length).toBeGreaterThan(0);
    expect(r.diagnostics.filter((d) => d.rule === 'syntax/nul-byte').map((d) => d.loc.line)).toEqual(nulLines);
    for (const d of r.diagnostics) {
      expect(d.loc.line).toBeGreaterThanOrEqual(1);
      expect(d.loc.endLine).toBeLessThanOrEqual(lines.length);
    }
  });
});

describe('deep nesting', () => {
  it('10,000 nested blocks: no stack overflow, one syntax/too-deep finding, the outer 64 levels kept', () => {
    const text = 'a {\n'.repeat(10_000) + '}\n'.repeat(10_000);
    const r = parseText(text, 'deep.conf');
    expect(r.diagnostics.map((d) => [d.rule, d.loc.line])).toEqual([['syntax/too-deep', 65]]);
    let depth = 0;
    for (let nodes = r.ast; nodes[0]?.type === 'block'; nodes = nodes[0].body) depth++;
    expect(depth).toBe(64);
  });
  it('unclosed deep nesting: reported, no exception', () => {
    const r = parseText('a {\n'.repeat(10_000), 'deep.conf');
    expect(r.diagnostics.some((d) => d.rule === 'syntax/too-deep')).toBe(true);
    expect(r.diagnostics.filter((d) => d.rule === 'syntax/unclosed-block')).toHaveLength(64);
  });
});
