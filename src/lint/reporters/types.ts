import type { LintResult } from '../index.js';
import type { SourceFile } from '../../syntax/source.js';

export interface ReportInput {
  results: LintResult[];
  /** the text of every file read, for code frames */
  sources: Map<string, SourceFile>;
  color: boolean;
  version: string;
}

export type Reporter = (input: ReportInput) => string;

export function summary(results: LintResult[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results)
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  return { errors, warnings, infos };
}
