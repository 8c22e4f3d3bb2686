import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode: no delayed repeat of gratuitous ARPs on seeing a lower priority advert. */
export const garpLowerPrioDelay: Rule = {
  meta: {
    id: 'vrrp-strict/garp-lower-prio-delay',
    severity: 'error',
    description: 'A non-zero garp_lower_prio_delay in an instance in strict mode.',
    docs:
      'In strict mode keepalived reports a non-zero `garp_lower_prio_delay` written in the instance, resets it to 0 and `keepalived -t` fails. When the instance does not set it, strict mode uses 0 whatever the global `vrrp_garp_lower_prio_delay` says.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    garp_lower_prio_delay 5    ! not allowed in strict mode\n}\n```\n\nFix: remove it (or set 0), or turn strict mode off for the instance.',
    keepalived: '(VI_1) a delay for repeated gratuitous ARPs is refused in strict mode; set to 0',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      const v = e.body.garp_lower_prio_delay;
      if (!e.strict || typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > 4294) continue;
      ctx.report({
        pointer: `${e.pointer}/garp_lower_prio_delay`,
        message: `${e.name}: garp_lower_prio_delay ${v} is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived resets it to 0`,
        hint: 'remove `garp_lower_prio_delay` or set it to 0',
      });
    }
  },
};
