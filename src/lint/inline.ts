/**
 * Inline control comments:
 *   ! kaconf-disable-next-line RULE[, RULE...]   the next line
 *   ! kaconf-disable-line RULE                   this line (as a trailing comment)
 *   ! kaconf-disable RULE ... / ! kaconf-enable RULE ...   a range (to the end of the file when not enabled again)
 * Without rule ids, every rule. `#` works as well as `!`.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Node } from '../syntax/ast.js';

interface Directive {
  file: string;
  line: number;
  kind: 'next-line' | 'line' | 'disable' | 'enable';
  rules: string[] | 'all';
}

const RE = /^[!#]\s*kaconf-(disable-next-line|disable-line|disable|enable)\b\s*(.*)$/;

function collect(nodes: Node[], out: Directive[]): void {
  for (const n of nodes) {
    if (n.type === 'comment') {
      const m = RE.exec(n.text.trim());
      if (!m) continue;
      const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-line' ? 'line' : (m[1] as 'disable' | 'enable');
      const list = m[2]!.replace(/--.*$/, '').split(/[\s,]+/).filter(Boolean);
      out.push({ file: n.loc.file, line: n.loc.line, kind, rules: list.length ? list : 'all' });
    } else if (n.type === 'block') collect(n.body, out);
  }
}

function matches(rules: string[] | 'all', id: string): boolean {
  return rules === 'all' || rules.some((r) => r === id || id.startsWith(r.endsWith('/') ? r : r + '/'));
}

/** Drop the diagnostics an inline comment switches off. */
export function applyInlineControl(ast: Node[], diagnostics: Diagnostic[]): Diagnostic[] {
  const directives: Directive[] = [];
  collect(ast, directives);
  if (directives.length === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const { file, line } = d.loc;
    let off = false;
    for (const dir of directives) {
      if (dir.file !== file) continue;
      if (dir.kind === 'next-line' && dir.line + 1 === line && matches(dir.rules, d.rule)) return false;
      if (dir.kind === 'line' && dir.line === line && matches(dir.rules, d.rule)) return false;
    }
    for (const dir of directives.filter((x) => x.file === file && (x.kind === 'disable' || x.kind === 'enable')).sort((a, b) => a.line - b.line)) {
      if (dir.line > line) break;
      if (matches(dir.rules, d.rule)) off = dir.kind === 'disable';
    }
    return !off;
  });
}
