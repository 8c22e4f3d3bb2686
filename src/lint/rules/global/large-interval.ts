import type { Rule } from '../../rule.js';

const LIMITS: [string, number, string][] = [
  ['vrrp_garp_interval', 1, 'the delay between gratuitous ARPs sent for each address'],
  ['vrrp_gna_interval', 1, 'the delay between unsolicited neighbour advertisements sent for each address'],
  ['vrrp_startup_delay', 60, 'the delay before VRRP starts'],
];

/** Timers keepalived logs as very large. */
export const largeInterval: Rule = {
  meta: {
    id: 'global/large-interval',
    severity: 'warning',
    description: '`vrrp_garp_interval`/`vrrp_gna_interval` of 1 s or more, or `vrrp_startup_delay` of 60 s or more.',
    docs:
      'These values are seconds with decimals: `vrrp_garp_interval` and `vrrp_gna_interval` are meant to be small (e.g. `0.001`), `vrrp_startup_delay` a few seconds. keepalived logs values from 1 s (60 s for the startup delay) as "very large" — usually a value meant in milliseconds; a large GARP interval delays the takeover announcement of every address by that much. `keepalived -t` does not report it.\n\n```\nglobal_defs {\n    vrrp_garp_interval 10       ! 10 seconds between ARPs; 0.01 was probably meant\n}\n```',
    keepalived: 'The X is very large - N seconds (log only)',
  },
  check(ctx) {
    const g = ctx.globalDefs;
    for (const [kw, limit, what] of LIMITS) {
      const v = g[kw];
      if (typeof v !== 'number' || v < limit) continue;
      ctx.report({
        pointer: `/global_defs/${kw}`,
        message: `${kw} ${v} s is very large for ${what} (keepalived logs it as such); the value is in seconds`,
        hint: kw === 'vrrp_startup_delay' ? 'use a delay of a few seconds' : 'use a fraction of a second, e.g. 0.001',
      });
    }
  },
};
