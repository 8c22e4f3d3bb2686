/**
 * keepalived's own sample configs (Debian package) against keepalived -t: kaconf reports no
 * error on those keepalived accepts cleanly, and a finding on every line it complains about.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithKeepalived, explain } from '../helpers/fidelity.js';
import { oracleUnavailable, type OracleVersion } from '../helpers/keepalived.js';
import { hostDependent, sampleConfigs } from '../helpers/paths.js';

// samples keepalived decides by the host it runs on, not by the config (with the reason)
const hostCases = hostDependent();

for (const version of ['2.2.7', '2.3.2'] as OracleVersion[]) {
  const why = oracleUnavailable(version) ?? (sampleConfigs().length === 0 ? 'keepalived samples not installed' : undefined);
  describe.skipIf(why !== undefined)(`keepalived samples against keepalived ${version}${why ? ` (skipped: ${why})` : ''}`, () => {
    for (const file of sampleConfigs()) {
      const name = file.replace(/^.*\//, '');
      it(name, (ctx) => {
        const reason = hostCases[`samples/${name}`];
        if (reason !== undefined) return ctx.skip(`host-dependent: ${reason}`);
        const c = compareWithKeepalived(readFileSync(file, 'utf8'), file, version);
        // keepalived did not finish (it waits on name resolution for some configs): no verdict
        if (c.oracle.exit === -1) return ctx.skip();
        const detail = explain(c);
        expect(c.falseErrors.map((d) => `${d.loc.line} ${d.rule}`), detail).toEqual([]);
        expect(c.missingLines, detail).toEqual([]);
        expect(c.missedRejection, detail).toBe(false);
      });
    }
  });
}
