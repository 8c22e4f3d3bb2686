import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { allCheckers, CONNECTING } from '../ipvs/util.js';

/** A timer keepalived accepts (others are ignored, leaving the inherited value). */
function num(v: unknown, max = 18446744073709.551): number | undefined {
  return typeof v === 'number' && v >= 0.000001 && v <= max ? v : undefined;
}

/** A check that may run longer than the interval between checks. */
export const timeoutExceedsInterval: Rule = {
  meta: {
    id: 'checker/timeout-exceeds-interval',
    severity: 'warning',
    description: 'A checker\'s `connect_timeout` (or MISC_CHECK `misc_timeout`) is longer than its `delay_loop`.',
    docs:
      '`delay_loop` is the time between two checks; `connect_timeout` (default 5 s) and `misc_timeout` bound how long one check may take. keepalived schedules the next check only after the current one ends, so a timeout longer than the interval silently stretches the interval, and a dead server is noticed much later than `delay_loop` suggests. Each value is taken from the checker, else the real server, else the virtual server (delay_loop default 60 s).\n\n```\nvirtual_server 192.0.2.10 80 {\n    delay_loop 2\n    real_server 192.0.2.11 80 {\n        TCP_CHECK {\n            connect_timeout 10     ! longer than delay_loop\n        }\n    }\n}\n```',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      const pick = (k: string): { v: number; where: string } | undefined => {
        for (const [o, where] of [
          [c.body, c.pointer],
          [c.rs.body, c.rs.pointer],
          [c.vs.body, c.vs.pointer],
        ] as [Obj, string][]) {
          const v = num(o[k], k === 'connect_timeout' ? 4294.967295 : undefined);
          if (v !== undefined) return { v, where: `${where}/${k}` };
        }
        return undefined;
      };
      const loop = pick('delay_loop') ?? { v: 60, where: '' };
      let t: { v: number; where: string; kw: string } | undefined;
      if (CONNECTING.has(c.type)) {
        const ct = pick('connect_timeout');
        if (ct) t = { ...ct, kw: 'connect_timeout' };
      } else if (c.type === 'MISC_CHECK') {
        const mt = typeof c.body.misc_timeout === 'number' && c.body.misc_timeout > 0 && c.body.misc_timeout <= 4294 ? c.body.misc_timeout : undefined;
        if (mt !== undefined) t = { v: mt, where: `${c.pointer}/misc_timeout`, kw: 'misc_timeout' };
      }
      if (!t || t.v <= loop.v) continue;
      // report each written timeout once, at the line that sets it
      ctx.report({
        pointer: t.where,
        message: `${t.kw} ${t.v} s is longer than the ${c.type} interval delay_loop ${loop.v} s${loop.where ? '' : ' (default)'}; checks run less often than delay_loop says`,
        hint: `lower ${t.kw} below delay_loop, or raise delay_loop`,
      });
    }
  },
};
