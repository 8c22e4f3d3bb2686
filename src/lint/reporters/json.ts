/** `--format json`: the contract of DESIGN.md — files with their diagnostics, and a summary. */
import { toJsonDiagnostic } from '../json-diagnostic.js';
import { summary, type Reporter } from './types.js';

export const jsonReporter: Reporter = ({ results }) => {
  const s = summary(results);
  const out = {
    files: results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => {
        const { file: _file, ...rest } = toJsonDiagnostic(d);
        return d.loc.file === r.file ? rest : { ...rest, file: d.loc.file };
      }),
    })),
    summary: { errors: s.errors, warnings: s.warnings },
  };
  return JSON.stringify(out, null, 2) + '\n';
};
