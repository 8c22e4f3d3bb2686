/**
 * The differential test: every single-mistake config in fixtures/differential/ runs through
 * `keepalived -t` (2.2.7, and 2.3.2 when present) and `kaconf lint` for the same release.
 * Every line keepalived complains about must have a kaconf finding, a config keepalived
 * rejects must get a kaconf error, and one it accepts cleanly must get none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithKeepalived, explain } from '../helpers/fidelity.js';
import { oracleUnavailable, type OracleVersion } from '../helpers/keepalived.js';
import { FIXTURES } from '../helpers/paths.js';

const dir = join(FIXTURES, 'differential');
const cases = readdirSync(dir).flatMap((family) =>
  readdirSync(join(dir, family))
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => join(dir, family, f)),
);

for (const version of ['2.2.7', '2.3.2'] as OracleVersion[]) {
  const why = oracleUnavailable(version);
  describe.skipIf(why !== undefined)(`differential against keepalived ${version}${why ? ` (skipped: ${why})` : ''}`, () => {
    it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));
    for (const file of cases) {
      it(file.slice(dir.length + 1), (ctx) => {
        const c = compareWithKeepalived(readFileSync(file, 'utf8'), file, version);
        // keepalived did not finish (it waits on name resolution for some configs): no verdict
        if (c.oracle.exit === -1) return ctx.skip();
        const detail = explain(c);
        expect(c.missingLines, detail).toEqual([]);
        expect(c.missedRejection, detail).toBe(false);
        expect(c.falseErrors.map((d) => `${d.loc.line} ${d.rule}`), detail).toEqual([]);
      });
    }
  });
}
