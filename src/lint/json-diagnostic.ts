/** The JSON shape of a finding in every machine-readable output (a contract). */
import type { Diagnostic } from '../diagnostics.js';

export interface JsonDiagnostic {
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    file: d.loc.file,
    line: d.loc.line,
    column: d.loc.column,
    endLine: d.loc.endLine,
    endColumn: d.loc.endColumn,
  };
  if (d.hint !== undefined) out.hint = d.hint;
  return out;
}
