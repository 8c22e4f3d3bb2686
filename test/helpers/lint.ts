/** Lint a config snippet the way `kaconf lint` does, for rule tests. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseVersion } from '../../src/model/versions.js';

export interface SnippetOptions {
  version?: string;
  host?: string;
}

export function lintSnippet(text: string, options: SnippetOptions = {}): Diagnostic[] {
  const version = parseVersion(options.version ?? '2.3.2')!;
  return lintText(text, 'snippet.conf', { version, ...(options.host ? { host: options.host } : {}) }).diagnostics;
}

/** `rule@line` for every finding of one rule (or of every rule when none is given). */
export function findings(text: string, rule?: string, options: SnippetOptions = {}): string[] {
  return lintSnippet(text, options)
    .filter((d) => rule === undefined || d.rule === rule)
    .map((d) => `${d.rule}@${d.loc.line}`);
}

/**
 * Table-driven rule tests, as ESLint's RuleTester: `valid` snippets give no finding of the
 * rule; each `invalid` one gives exactly the listed lines (and, when given, message parts).
 */
export interface RuleCase {
  name: string;
  code: string;
  version?: string;
  host?: string;
}
export interface InvalidCase extends RuleCase {
  /** lines of the findings, in order */
  lines: number[];
  /** text each message must contain, in order */
  messages?: string[];
  /** last line of each finding (a finding about a block can run to its `}`), in order */
  endLines?: number[];
}

/** Generate the tests of one rule from its tables. */
export function ruleTester(rule: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const got = lintSnippet(c.code, c).filter((d) => d.rule === rule);
        expect(got.map((d) => `${d.loc.line}: ${d.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = lintSnippet(c.code, c).filter((d) => d.rule === rule);
        expect(got.map((d) => d.loc.line)).toEqual(c.lines);
        if (c.endLines) expect(got.map((d) => d.loc.endLine)).toEqual(c.endLines);
        (c.messages ?? []).forEach((m, i) => expect(got[i]?.message ?? '').toContain(m));
        for (const d of got) expect(d.message.length).toBeGreaterThan(10);
      });
    }
  });
}
