/** keepalived -t against kaconf lint on one config: what keepalived reports, kaconf must report. */
import type { Diagnostic } from '../../src/diagnostics.js';
import { lintText } from '../../src/lint/index.js';
import { parseVersion } from '../../src/model/versions.js';
import { keepalivedCheck, type OracleResult, type OracleVersion } from './keepalived.js';

export interface Comparison {
  oracle: OracleResult;
  kaconf: Diagnostic[];
  /** lines keepalived named that kaconf has no finding on */
  missingLines: number[];
  /** keepalived rejected the config (exit ≠ 0) but kaconf has no error */
  missedRejection: boolean;
  /** keepalived accepted it cleanly (exit 0, nothing printed) but kaconf has errors */
  falseErrors: Diagnostic[];
}

export function compareWithKeepalived(text: string, file: string, version: OracleVersion): Comparison {
  const oracle = keepalivedCheck(text, version);
  const kaconf = lintText(text, file, { version: parseVersion(version)! }).diagnostics;
  // a finding about a whole block (keyword to `}`) covers the `}` line keepalived names for checks made at the end of a block
  const covers = (line: number): boolean => kaconf.some((d) => d.loc.file === file && d.loc.line <= line && line <= d.loc.endLine);
  const oracleLines = [...new Set(oracle.messages.filter((m) => m.line !== undefined).map((m) => m.line!))];
  const errors = kaconf.filter((d) => d.severity === 'error');
  return {
    oracle,
    kaconf,
    missingLines: oracleLines.filter((l) => !covers(l)),
    missedRejection: oracle.exit !== 0 && errors.length === 0,
    falseErrors: oracle.exit === 0 && oracle.messages.length === 0 ? errors : [],
  };
}

export function explain(c: Comparison): string {
  const k = c.kaconf.map((d) => `  kaconf ${d.loc.line}:${d.loc.column} ${d.severity} ${d.rule}: ${d.message}`).join('\n');
  const o = c.oracle.messages.map((m) => `  keepalived ${m.line ?? m.subject ?? '-'}: ${m.text}`).join('\n');
  return `keepalived exit ${c.oracle.exit}\n${o || '  keepalived: (nothing)'}\n${k || '  kaconf: (nothing)'}`;
}
