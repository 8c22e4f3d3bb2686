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
import { FIXTURES, hostDependent } from '../helpers/paths.js';

const dir = join(FIXTURES, 'differential');
// one folder per family (host-dependent.json beside them lists the cases keepalived decides by its host)
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap(({ name: family }) =>
    readdirSync(join(dir, family))
      .filter((f) => f.endsWith('.conf'))
      .sort()
      .map((f) => join(dir, family, f)),
  );

// cases keepalived decides by the host it runs on, not by the config (with the reason)
const hostCases = hostDependent();

for (const version of ['2.2.7', '2.3.2'] as OracleVersion[]) {
  const why = oracleUnavailable(version);
  describe.skipIf(why !== undefined)(`differential against keepalived ${version}${why ? ` (skipped: ${why})` : ''}`, () => {
    it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));
    it('lists only existing cases as host-dependent', () => {
      const names = new Set(cases.map((f) => f.slice(dir.length + 1)));
      expect(Object.keys(hostCases).filter((k) => !k.startsWith('samples/') && !names.has(k))).toEqual([]);
    });
    for (const file of cases) {
      const name = file.slice(dir.length + 1);
      it(name, (ctx) => {
        if (hostCases[name] !== undefined) return ctx.skip(`host-dependent: ${hostCases[name]}`);
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
