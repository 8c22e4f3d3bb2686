import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonDiagnostic } from '../../src/lint/json-diagnostic.js';
import { parseFile } from '../../src/syntax/index.js';
import { ROOT, sampleConfigs, seedConfigs } from '../helpers/paths.js';

const astSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/ast.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(astSchema);

const samples = sampleConfigs();

describe('corpus: keepalived samples and the seed configs parse cleanly', () => {
  it.skipIf(samples.length === 0)('finds keepalived samples (install the keepalived package)', () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
  });
  for (const file of [...seedConfigs(), ...samples]) {
    it(file.replace(/^.*\//, ''), () => {
      const r = parseFile(file);
      if ('ioError' in r) throw new Error(r.ioError);
      expect(r.diagnostics.filter((d) => d.rule.startsWith('syntax/'))).toEqual([]);
      expect(r.ast.length).toBeGreaterThan(0);
      const out = { file: r.file, ast: r.ast, diagnostics: r.diagnostics.map(toJsonDiagnostic) };
      const ok = validate(JSON.parse(JSON.stringify(out)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }
});
