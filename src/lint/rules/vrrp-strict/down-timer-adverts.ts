import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode: down_timer_adverts must be the RFC's 3. */
export const downTimerAdverts: Rule = {
  meta: {
    id: 'vrrp-strict/down-timer-adverts',
    severity: 'error',
    description: 'down_timer_adverts (or global vrrp_down_timer_adverts) other than 3 in strict mode.',
    docs:
      'The RFCs declare the master down after 3 missed adverts. In strict mode keepalived reports any other `down_timer_adverts` (the instance\'s own, or the global `vrrp_down_timer_adverts` it inherits), resets it to 3 and `keepalived -t` fails.\n\n```\nglobal_defs {\n    vrrp_strict\n    vrrp_down_timer_adverts 5    ! every instance inherits 5\n}\n```\n\nFix: remove the setting (or set 3), or turn strict mode off for the instance.',
    keepalived: '(VI_1) down_timer_adverts other than 3 is refused in strict mode; set to 3',
  },
  check(ctx) {
    const globalValue = ctx.globalDefs.vrrp_down_timer_adverts;
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict) continue;
      const own = e.body.down_timer_adverts;
      const valid = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100;
      let value: number | undefined;
      let pointer: string;
      if (valid(own)) {
        value = own;
        pointer = `${e.pointer}/down_timer_adverts`;
      } else if (valid(globalValue)) {
        value = globalValue;
        pointer = '/global_defs/vrrp_down_timer_adverts';
      } else continue;
      if (value === 3) continue;
      const inherited = pointer.startsWith('/global_defs');
      ctx.report({
        pointer,
        message: `${e.name}: ${inherited ? 'vrrp_down_timer_adverts' : 'down_timer_adverts'} ${value}${inherited ? ' (inherited from global_defs)' : ''} is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived resets it to 3`,
        hint: inherited ? 'remove `vrrp_down_timer_adverts` or set it to 3' : 'remove `down_timer_adverts` or set it to 3',
      });
    }
  },
};
