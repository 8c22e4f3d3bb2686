import type { Rule } from '../../rule.js';
import { quorumOf, rsWeight, services, vsName } from './util.js';

/** quorum above the sum of the real servers' weights. */
export const quorumExceedsWeight: Rule = {
  meta: {
    id: 'ipvs/quorum-exceeds-weight',
    severity: 'error',
    description: '`quorum` (default 1) is larger than the total weight of the real servers.',
    docs:
      'The quorum is the total weight of healthy real servers needed for the service to count as up. If it is larger than the weights of all real servers together the service could never be up, so keepalived reports it after reading the configuration and lowers the quorum; `keepalived -t` fails. This includes a service whose real servers all have `weight 0` (the default quorum is 1).\n\n```\nvirtual_server 192.0.2.10 80 {\n    quorum 5\n    real_server 192.0.2.11 80 { weight 2 }\n    real_server 192.0.2.12 80 { weight 2 }   ! total 4 < 5\n}\n```',
    keepalived: 'Warning - quorum Q for X exceeds total weight of real servers W, reducing quorum to W',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      const q = quorumOf(b);
      const total = s.reals.reduce((sum, rs) => sum + rsWeight(b, rs.body), 0);
      if (q <= total) continue;
      const written = ctx.has(`${s.vs.pointer}/quorum`);
      ctx.report({
        pointer: written ? `${s.vs.pointer}/quorum` : s.vs.pointer,
        message: `${written ? `quorum ${q}` : 'the default quorum 1'} exceeds the total weight ${total} of the real servers of ${vsName(b)}; keepalived lowers it to ${total}${total === 0 ? ' (and then reports hysteresis 0 >= quorum 0)' : ''}`,
        hint: total === 0 ? 'give the real servers a weight above 0' : `lower quorum to at most ${total}, or raise the weights`,
      });
    }
  },
};
