/** The AST without positions: what two parses must share when only layout differs. */
import type { Node } from '../../src/syntax/index.js';

export type Shape = unknown;

export function shapeOf(nodes: Node[], options: { comments?: boolean; args?: boolean } = {}): Shape[] {
  const out: Shape[] = [];
  for (const n of nodes) {
    if (n.type === 'comment') {
      if (options.comments !== false) out.push(['comment', n.text.trimEnd()]);
      continue;
    }
    const cond = n.condition ? `@${n.condition.negate ? '^' : ''}${n.condition.name}:${n.condition.selected}` : '';
    const base = [n.type, cond, n.keyword, options.args === false ? [] : n.args, options.args === false ? [] : (n.quoted ?? []), n.type === 'directive' ? (n.preprocessor ?? '') : ''];
    out.push(n.type === 'block' ? [...base, shapeOf(n.body, options)] : base);
  }
  return out;
}
