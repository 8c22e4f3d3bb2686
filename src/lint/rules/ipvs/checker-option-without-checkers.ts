import type { Rule } from '../../rule.js';
import { hasCheckers, serverName, virtualServers, vsName } from './util.js';

/** alpha / inhibit_on_failure on servers that have no health checker. */
export const checkerOptionWithoutCheckers: Rule = {
  meta: {
    id: 'ipvs/checker-option-without-checkers',
    severity: 'info',
    description: '`alpha` or `inhibit_on_failure` on servers that have no health checker.',
    docs:
      '`alpha` (start with the servers considered down until a check succeeds) and `inhibit_on_failure` (set the weight to 0 instead of removing a failed server) only act through health checkers. A real server without any checker block is always considered up, so on it — or on a virtual server none of whose real servers has a checker — these options do nothing. Add the checker you meant, or remove the option.',
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      const withChecks = vs.reals.filter((rs) => hasCheckers(rs));
      for (const opt of ['alpha', 'inhibit_on_failure']) {
        if (vs.body[opt] !== undefined && vs.reals.length > 0 && withChecks.length === 0) {
          ctx.report({
            pointer: `${vs.pointer}/${opt}`,
            at: 'keyword',
            message: `\`${opt}\` on ${vsName(vs.body)} has no effect: none of its real servers has a health checker`,
            hint: 'add a checker (TCP_CHECK, HTTP_GET, ...) to the real servers, or remove the option',
          });
        }
        for (const rs of vs.reals) {
          if (rs.body[opt] !== true || hasCheckers(rs)) continue;
          ctx.report({
            pointer: `${rs.pointer}/${opt}`,
            at: 'keyword',
            message: `\`${opt}\` on real_server ${serverName(rs.body)} has no effect: it has no health checker`,
            hint: 'add a checker to this real server, or remove the option',
          });
        }
      }
    }
  },
};
