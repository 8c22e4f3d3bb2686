/** `--format stylish` (default): findings grouped by file, each with a code frame of its line. */
import { codeFrameColumns } from '@babel/code-frame';
import { Chalk } from 'chalk';
import { relative } from 'node:path';
import { summary, type Reporter } from './types.js';

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export const stylishReporter: Reporter = ({ results, sources, color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  let out = '';
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    for (const d of r.diagnostics) {
      const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out += `${c.underline(`${display(d.loc.file)}:${d.loc.line}:${d.loc.column}`)}  ${sev}  ${d.message}  ${c.dim(d.rule)}\n`;
      const src = sources.get(d.loc.file);
      if (src && d.loc.line <= src.lineCount) {
        const end = d.loc.endLine === d.loc.line && d.loc.endColumn > d.loc.column ? { line: d.loc.endLine, column: d.loc.endColumn } : undefined;
        // only the lines around the finding (a big file would be split again for every finding)
        const first = Math.max(1, d.loc.line - 1);
        const last = Math.min(src.lineCount, Math.max(d.loc.endLine, d.loc.line) + 1);
        const around: string[] = [];
        for (let l = first; l <= last; l++) around.push(src.lineText(l));
        const frame = codeFrameColumns(
          '\n'.repeat(first - 1) + around.join('\n'),
          { start: { line: d.loc.line, column: d.loc.column }, ...(end ? { end } : {}) },
          { highlightCode: false, forceColor: color, linesAbove: 1, linesBelow: 1 },
        );
        out += frame.replace(/^/gm, '  ') + '\n';
      }
      if (d.hint) out += `  ${c.cyan('hint:')} ${d.hint}\n`;
      out += '\n';
    }
  }
  const s = summary(results);
  const total = s.errors + s.warnings + s.infos;
  if (total === 0) return out;
  const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`];
  if (s.infos) parts.push(`${s.infos} info`);
  const line = `${s.errors ? '✖' : '⚠'} ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  out += (s.errors ? c.red.bold(line) : c.yellow.bold(line)) + '\n';
  return out;
};
