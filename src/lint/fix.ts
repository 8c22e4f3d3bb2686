/** Applying the fixes of findings to a file's text (`kaconf lint --fix`). */
import type { Diagnostic } from '../diagnostics.js';
import { SourceFile } from '../syntax/source.js';

function offset(src: SourceFile, line: number, column: number): number {
  return (src.lineStarts[line - 1] ?? src.text.length) + column - 1;
}

export interface FixResult {
  text: string;
  applied: number;
}

/** The text with every fix for `file` applied; overlapping fixes after the first are left out. */
export function applyFixes(src: SourceFile, diagnostics: Diagnostic[]): FixResult {
  const edits = diagnostics
    .filter((d) => d.fix && d.fix.loc.file === src.path)
    .map((d) => ({ start: offset(src, d.fix!.loc.line, d.fix!.loc.column), end: offset(src, d.fix!.loc.endLine, d.fix!.loc.endColumn), text: d.fix!.text }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += src.text.slice(at, e.start) + e.text;
    at = e.end;
    applied++;
  }
  return { text: out + src.text.slice(at), applied };
}
