/** Golden ASTs (as outlines, reviewed by hand) for the seed configs and the every-construct config. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/index.js';
import { outlineOf } from '../helpers/outline.js';
import { FIXTURES, seedConfigs } from '../helpers/paths.js';

function outlineFor(file: string, host?: string): string {
  const r = parseFile(file, host ? { host } : {});
  if ('ioError' in r) throw new Error(r.ioError);
  const diags = r.diagnostics.map((d) => `! ${d.loc.line}:${d.loc.column} ${d.severity} ${d.rule}: ${d.message}\n`).join('');
  return outlineOf(file, r.ast) + diags;
}

describe('golden ASTs', () => {
  for (const file of seedConfigs()) {
    it(basename(file), () => {
      const golden = readFileSync(join(FIXTURES, 'parse', basename(file, '.conf') + '.outline'), 'utf8');
      expect(outlineFor(file)).toBe(golden);
    });
  }
  it('constructs.conf without a host: @lb1 lines off, @^lb1 lines on', () => {
    const file = join(FIXTURES, 'parse/constructs.conf');
    expect(outlineFor(file)).toBe(readFileSync(join(FIXTURES, 'parse/constructs.outline'), 'utf8'));
  });
  it('constructs.conf for host lb1', () => {
    const file = join(FIXTURES, 'parse/constructs.conf');
    expect(outlineFor(file, 'lb1')).toBe(readFileSync(join(FIXTURES, 'parse/constructs.lb1.outline'), 'utf8'));
  });
});
