/** Locations and findings shared by every stage. Lines and columns are 1-based; endColumn is exclusive. */
export interface Loc {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A text edit that fixes a finding: replace what `loc` spans with `text`. */
export interface Fix {
  loc: Loc;
  text: string;
}

/** Something a user can hit: always a value, never an exception. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  loc: Loc;
  hint?: string;
  fix?: Fix;
}

export function diagnostic(rule: string, severity: Severity, message: string, loc: Loc, hint?: string): Diagnostic {
  return hint === undefined ? { rule, severity, message, loc } : { rule, severity, message, loc, hint };
}

/** A location covering from the start of `a` to the end of `b`. */
export function spanLoc(a: Loc, b: Loc): Loc {
  return { file: a.file, line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : 0) ||
    a.loc.line - b.loc.line ||
    a.loc.column - b.loc.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
