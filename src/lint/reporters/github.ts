/** `--format github`: workflow commands GitHub Actions turns into annotations. */
import type { Reporter } from './types.js';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubReporter: Reporter = ({ results }) => {
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(d.loc.file)}`,
        `line=${d.loc.line}`,
        `col=${d.loc.column}`,
        `endLine=${d.loc.endLine}`,
        `endColumn=${d.loc.endColumn}`,
        `title=${escapeProperty(`kaconf ${d.rule}`)}`,
      ].join(',');
      out += `::${level} ${props}::${escapeData(d.hint ? `${d.message} (${d.hint})` : d.message)}\n`;
    }
  }
  return out;
};
