import type { Rule } from '../../rule.js';
import { hysteresisOf, quorumOf, rsWeight, services, vsName } from './util.js';

/** hysteresis not below quorum. */
export const hysteresisQuorum: Rule = {
  meta: {
    id: 'ipvs/hysteresis-quorum',
    severity: 'error',
    description: '`hysteresis` is not below `quorum`.',
    docs:
      'The service goes up when the healthy weight reaches quorum + hysteresis and down below quorum - hysteresis, so hysteresis must be smaller than quorum. keepalived reports it after reading the configuration and sets hysteresis to quorum - 1; `keepalived -t` fails. The quorum used is the one after keepalived lowered it to the total real server weight.\n\n```\nvirtual_server 192.0.2.10 80 {\n    quorum 2\n    hysteresis 2      ! at most 1\n}\n```',
    keepalived: 'Virtual server X: hysteresis H >= quorum Q; setting hysteresis to Q-1',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      if (!ctx.has(`${s.vs.pointer}/hysteresis`)) continue;
      const total = s.reals.reduce((sum, rs) => sum + rsWeight(b, rs.body), 0);
      const q = Math.min(quorumOf(b), total);
      const h = hysteresisOf(b);
      if (h < q) continue;
      ctx.report({
        pointer: `${s.vs.pointer}/hysteresis`,
        message: `hysteresis ${h} is not below the quorum ${q} of ${vsName(b)}${q < quorumOf(b) ? ` (lowered to the total real server weight)` : ''}; keepalived lowers it to quorum - 1`,
        hint: `use a hysteresis below ${q}`,
      });
    }
  },
};
