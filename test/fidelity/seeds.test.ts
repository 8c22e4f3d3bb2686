/**
 * The user's seed configs: kaconf reports, with the same meaning, every line keepalived 2.2.7's
 * `-t` complains about. The table says, for each keepalived message, which kaconf rule means the
 * same and where it reports it (keepalived names no line for instance-level messages; kaconf
 * names the keyword to change).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import { parseVersion } from '../../src/model/versions.js';
import { keepalivedCheck, oracleUnavailable } from '../helpers/keepalived.js';
import { FIXTURES } from '../helpers/paths.js';

interface Expectation {
  /** keepalived's message (as `-t` prints it) */
  keepalived: RegExp;
  /** the line keepalived names, if it names one */
  keepalivedLine?: number;
  rule: string;
  line: number;
}

const garp = (line: number): Expectation[] => [
  { keepalived: /number '0' outside range \[0\.000001, 4294\.967295\]/, keepalivedLine: line, rule: 'invalid-value', line },
  { keepalived: /vrrp_garp_interval '0' is invalid/, keepalivedLine: line, rule: 'invalid-value', line },
  { keepalived: /number '0' outside range/, keepalivedLine: line + 1, rule: 'invalid-value', line: line + 1 },
  { keepalived: /vrrp_gna_interval '0' is invalid/, keepalivedLine: line + 1, rule: 'invalid-value', line: line + 1 },
];
const strict = (state: number, auth: number, accept: number): Expectation[] => [
  { keepalived: /State MASTER must match being address owner/, rule: 'vrrp-strict/master-not-owner', line: state },
  { keepalived: /Strict mode does not support authentication/, rule: 'vrrp-strict/no-auth', line: auth },
  { keepalived: /accept mode for VRRP version 2 does not comply with RFC3768/, rule: 'vrrp-strict/accept-v2', line: accept },
];

const SEEDS: Record<string, Expectation[]> = {
  '01-full-sample.conf': [...garp(15), ...strict(20, 25, 36)],
  '02-no-lvs.conf': [...garp(16), ...strict(21, 26, 37)],
  '03-tuned-globals.conf': [
    ...garp(7),
    { keepalived: /Unknown keyword 'vrrp_mcast_grop4'/, keepalivedLine: 9, rule: 'unknown-keyword', line: 9 },
    { keepalived: /iptables not supported, using nftables instead/, keepalivedLine: 10, rule: 'global/iptables-unsupported', line: 10 },
    ...strict(14, 19, 30),
  ],
  '04-minimal.conf': [],
};

const why = oracleUnavailable('2.2.7');

describe('seed configs: kaconf means what keepalived 2.2.7 -t says', () => {
  for (const [name, expected] of Object.entries(SEEDS)) {
    const file = join(FIXTURES, 'seed', name);
    const text = readFileSync(file, 'utf8');
    it(`${name}: kaconf reports each finding at its line`, () => {
      const got = lintText(text, file, { version: parseVersion('2.2.7')! }).diagnostics;
      for (const e of expected) {
        expect(got.some((d) => d.rule === e.rule && d.loc.line === e.line && d.severity === 'error'), `${e.rule} at line ${e.line}`).toBe(true);
      }
      // and nothing at error level beyond them
      const errors = got.filter((d) => d.severity === 'error').map((d) => `${d.rule}@${d.loc.line}`);
      expect(new Set(errors)).toEqual(new Set(expected.map((e) => `${e.rule}@${e.line}`)));
    });
    it.skipIf(why !== undefined)(`${name}: the table covers everything keepalived says${why ? ` (skipped: ${why})` : ''}`, () => {
      const oracle = keepalivedCheck(text, '2.2.7');
      expect(oracle.exit).toBe(expected.length === 0 ? 0 : 5);
      for (const m of oracle.messages) {
        const e = expected.find((x) => x.keepalived.test(m.text) && (x.keepalivedLine === undefined || x.keepalivedLine === m.line));
        expect(e, `keepalived: ${m.line ?? m.subject ?? ''} ${m.text}`).toBeDefined();
      }
    });
  }
});
