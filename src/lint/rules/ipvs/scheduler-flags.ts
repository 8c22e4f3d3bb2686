import type { Rule } from '../../rule.js';
import { statements, virtualServers } from './util.js';

const SCHEDULERS = new Set(['rr', 'wrr', 'lc', 'wlc', 'lblc', 'sh', 'mh', 'dh', 'fo', 'ovf', 'lblcr', 'sed', 'nq', 'twos']);

/** sh-port/sh-fallback/mh-port/mh-fallback/hashed without the scheduler they belong to (set before them). */
export const schedulerFlags: Rule = {
  meta: {
    id: 'ipvs/scheduler-flags',
    severity: 'error',
    description: '`sh-port`, `sh-fallback`, `mh-port`, `mh-fallback` or `hashed` without the sh/mh scheduler set before it.',
    docs:
      'These flags belong to the source-hash (`sh`) and maglev-hash (`mh`) schedulers. keepalived checks them against the scheduler set *so far*, so `lb_algo sh` must come before them. With any other scheduler (or none yet) keepalived reports the flag ("only applies to sh scheduler") and ignores it; `keepalived -t` fails. `sh-*` flags under `mh` (and `mh-*` under `sh`) are ignored silently. `hashed` does nothing at all.\n\n```\nvirtual_server 192.0.2.10 80 {\n    sh-port          ! before lb_algo: rejected\n    lb_algo sh\n}\n```\n\nMove the flag after `lb_algo`/`lvs_sched`, or remove it.',
    keepalived: 'X only applies to sh scheduler - ignoring',
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      let sched: string | undefined;
      for (const n of statements(ctx, vs.pointer)) {
        if (n.keyword === 'lb_algo' || n.keyword === 'lvs_sched') {
          if (SCHEDULERS.has(n.args[0] ?? '')) sched = n.args[0];
          continue;
        }
        const flag = n.keyword;
        if (!['sh-port', 'sh-fallback', 'mh-port', 'mh-fallback', 'hashed'].includes(flag)) continue;
        const want = flag === 'hashed' ? 'sh or mh' : flag.slice(0, 2);
        if (sched === 'sh' || sched === 'mh') {
          if (flag !== 'hashed' && flag.slice(0, 2) !== sched) {
            ctx.report({
              loc: n.keywordLoc,
              severity: 'warning',
              message: `\`${flag}\` belongs to the ${flag.slice(0, 2)} scheduler; with \`${sched}\` keepalived ignores it`,
              hint: `remove it, or use the ${sched}-… flag`,
            });
          }
          continue;
        }
        ctx.report({
          loc: n.keywordLoc,
          message: sched
            ? `\`${flag}\` only applies to the ${want} scheduler, but the scheduler is \`${sched}\`; keepalived reports and ignores it`
            : `\`${flag}\` comes before the scheduler is set; keepalived checks it against the scheduler read so far, reports and ignores it`,
          hint: sched ? 'remove it, or use the matching scheduler' : `move \`${flag}\` after \`lb_algo ${flag === 'hashed' ? 'sh' : flag.slice(0, 2)}\``,
        });
      }
    }
  },
};
