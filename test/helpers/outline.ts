/**
 * A compact, reviewable text form of an AST for golden files: one node a line,
 * `LINE:COL-ENDLINE:ENDCOL kind keyword [args]`, nested by indentation.
 */
import type { Node } from '../../src/syntax/index.js';

import { basename } from 'node:path';

let rootFile = '';

function pos(n: { loc: { file: string; line: number; column: number; endLine: number; endColumn: number } }): string {
  const where = `${n.loc.line}:${n.loc.column}-${n.loc.endLine}:${n.loc.endColumn}`;
  return n.loc.file === rootFile ? where : `${basename(n.loc.file)}:${where}`;
}

/** Outline of the AST of `file` (nodes from included files name their file). */
export function outlineOf(file: string, nodes: Node[]): string {
  rootFile = file;
  return outline(nodes);
}

function outline(nodes: Node[], indent = ''): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'comment') {
      out += `${indent}${pos(n)} comment${n.inline ? ' inline' : ''} ${JSON.stringify(n.text)}\n`;
      continue;
    }
    const flags: string[] = [];
    if (n.condition) flags.push(`@${n.condition.negate ? '^' : ''}${n.condition.name}${n.condition.selected ? '' : ' off'}`);
    if (n.type === 'directive' && n.preprocessor) flags.push(n.preprocessor);
    if (n.type === 'directive' && n.inactive) flags.push('inactive');
    if (n.origin) flags.push(`from ${n.origin.kind} ${n.origin.name}`);
    const args = n.args.map((a, i) => (n.quoted?.includes(i) || a.includes("\n") ? JSON.stringify(a) : a)).join(' ');
    const head = `${indent}${pos(n)} ${n.type} ${n.keyword}${args ? ' ' + args : ''}${flags.length ? ' (' + flags.join(', ') + ')' : ''}`;
    if (n.type === 'block') {
      out += `${head}${n.closeLoc ? '' : ' UNCLOSED'}\n`;
      out += outline(n.body, indent + '  ');
    } else out += `${head}\n`;
  }
  return out;
}
