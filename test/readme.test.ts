/** The README stays true: every rule is listed, the quick start names real files and commands. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesTable } from '../scripts/readme-rules.js';
import { ROOT } from './helpers/paths.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every rule, as the rules describe themselves (npm run docs rewrites the table)', () => {
    const table = /<!-- rules:start -->\n([\s\S]*)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(table).toBe(rulesTable());
  });
  it('quick start: two commands, on files that exist', () => {
    const block = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(block).toHaveLength(2);
    expect(block[1]).toBe('npm test');
    const file = /npx kaconf lint (\S+)/.exec(block[0]!)![1]!;
    expect(existsSync(join(ROOT, file))).toBe(true);
  });
});
