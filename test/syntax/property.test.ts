/** Property: any soup of keepalived tokens parses without throwing, with every location inside the input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText, type Node } from '../../src/syntax/index.js';
import type { Loc } from '../../src/diagnostics.js';

const piece = fc.oneof(
  fc.constantFrom('{', '}', '"', '\n', '\n', ' ', '\t', '!', '#', '\\', '$', '@', '~', '=', '(', ')', ','),
  fc.constantFrom('vrrp_instance', 'VI_1', 'priority', '100', 'global_defs', 'virtual_ipaddress', '10.0.0.1/24', 'dev', 'eth0'),
  fc.constantFrom('@lb1 ', '@^lb1 ', '$X=', '$X', '${X}', '$Y=a \\\n', '~SEQ(i,1,3) ', '~SEQ(i,', '~LST(a,b) ', 'include x.conf', 'include *.none'),
  fc.constantFrom('"quoted text"', '# comment', '! comment', '\u0000', 'ünï', '路由', '\r\n', '\uFFFD'),
  fc.string({ maxLength: 6 }),
);
const soup = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));

function inside(loc: Loc, lineLengths: number[]): boolean {
  const lines = lineLengths.length;
  if (loc.line < 1 || loc.line > lines || loc.endLine < loc.line || loc.endLine > lines) return false;
  if (loc.column < 1 || loc.column > lineLengths[loc.line - 1]! + 2) return false;
  if (loc.endColumn < 1 || loc.endColumn > lineLengths[loc.endLine - 1]! + 2) return false;
  return true;
}

function allLocs(nodes: Node[]): Loc[] {
  const out: Loc[] = [];
  for (const n of nodes) {
    out.push(n.loc);
    if (n.type !== 'comment') {
      out.push(n.keywordLoc, ...n.argLocs);
      if (n.condition) out.push(n.condition.loc);
    }
    if (n.type === 'block') out.push(n.openLoc, ...(n.closeLoc ? [n.closeLoc] : []), ...allLocs(n.body));
  }
  return out;
}

describe('token soups', () => {
  it('never throw and keep every location inside the input', () => {
    fc.assert(
      fc.property(soup, fc.option(fc.constantFrom('lb1', 'lb2'), { nil: undefined }), (text, host) => {
        const r = parseText(text, '/nonexistent-dir/soup.conf', host ? { host } : {});
        const lineLengths = text.split('\n').map((l) => l.length);
        for (const d of r.diagnostics) {
          if (d.loc.file !== '/nonexistent-dir/soup.conf') continue;
          expect(inside(d.loc, lineLengths), `${d.rule} at ${JSON.stringify(d.loc)}`).toBe(true);
        }
        for (const loc of allLocs(r.ast)) expect(inside(loc, lineLengths), JSON.stringify(loc)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
  it('raw mode too', () => {
    fc.assert(
      fc.property(soup, (text) => {
        const r = parseText(text, 'soup.conf', { mode: 'raw' });
        const lineLengths = text.split('\n').map((l) => l.length);
        for (const loc of allLocs(r.ast)) expect(inside(loc, lineLengths), JSON.stringify(loc)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
