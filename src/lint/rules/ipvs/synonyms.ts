import type { Rule } from '../../rule.js';
import { lineOf, virtualServers, vsName } from './util.js';

const PAIRS: [string, string][] = [
  ['lb_algo', 'lvs_sched'],
  ['lb_kind', 'lvs_method'],
];

/** Both names of one setting in one virtual server. */
export const synonyms: Rule = {
  meta: {
    id: 'ipvs/synonyms',
    severity: 'warning',
    description: 'A virtual server sets the scheduler or forwarding method under both of its names.',
    docs:
      '`lb_algo`/`lvs_sched` and `lb_kind`/`lvs_method` are two names of the same setting; the one written last wins silently. Writing both is usually a leftover of an edit, and the earlier value is dead.\n\n```\nvirtual_server 192.0.2.10 80 {\n    lb_algo rr\n    lvs_sched wlc        ! this one wins\n}\n```\n\nKeep one of them.',
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      for (const [a, b] of PAIRS) {
        const pa = `${vs.pointer}/${a}`;
        const pb = `${vs.pointer}/${b}`;
        if (!ctx.has(pa) || !ctx.has(pb)) continue;
        const [lost, won] = lineOf(ctx, pa) < lineOf(ctx, pb) ? [a, b] : [b, a];
        ctx.report({
          pointer: `${vs.pointer}/${lost}`,
          at: 'statement',
          message: `${vsName(vs.body)} sets both \`${a}\` and \`${b}\` (the same setting); \`${won}\` on line ${lineOf(ctx, `${vs.pointer}/${won}`)} wins`,
          hint: `remove one of them`,
        });
      }
    }
  },
};
