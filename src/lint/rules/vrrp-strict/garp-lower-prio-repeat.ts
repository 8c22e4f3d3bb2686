import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode: no repeated gratuitous ARPs on seeing a lower priority advert. */
export const garpLowerPrioRepeat: Rule = {
  meta: {
    id: 'vrrp-strict/garp-lower-prio-repeat',
    severity: 'error',
    description: 'A non-zero garp_lower_prio_repeat in an instance in strict mode.',
    docs:
      'Sending gratuitous ARPs when a lower-priority advert is seen is a keepalived extension. In strict mode keepalived reports a non-zero `garp_lower_prio_repeat` written in the instance, resets it to 0 and `keepalived -t` fails. When the instance does not set it, strict mode uses 0 whatever the global `vrrp_garp_lower_prio_repeat` says.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    garp_lower_prio_repeat 2    ! not allowed in strict mode\n}\n```\n\nFix: remove it (or set 0), or turn strict mode off for the instance.',
    keepalived: '(VI_1) repeated gratuitous ARPs for lower priority adverts are refused in strict mode; set to 0',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      const v = e.body.garp_lower_prio_repeat;
      if (!e.strict || typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > 2147483647) continue;
      ctx.report({
        pointer: `${e.pointer}/garp_lower_prio_repeat`,
        message: `${e.name}: garp_lower_prio_repeat ${v} is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived resets it to 0`,
        hint: 'remove `garp_lower_prio_repeat` or set it to 0',
      });
    }
  },
};
