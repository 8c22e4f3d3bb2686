import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode and preempt_delay. */
export const preemptDelay: Rule = {
  meta: {
    id: 'vrrp-strict/preempt-delay',
    severity: 'error',
    description: 'A non-zero `preempt_delay` in strict mode.',
    docs:
      'The RFCs have no preemption delay. In strict mode keepalived reports a non-zero `preempt_delay`, resets it to 0 and `keepalived -t` fails. (With an initial state MASTER keepalived clears the delay for that reason first and reports that instead.)\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    preempt_delay 10     ! not allowed in strict mode\n}\n```\n\nFix: remove `preempt_delay`, or turn strict mode off for the instance.',
    keepalived: '(VI_1) preempt_delay is refused in strict mode; set to 0',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      const d = e.body.preempt_delay;
      if (!e.strict || typeof d !== 'number' || !(d > 0) || d > 1000) continue;
      // keepalived clears the delay of an initial MASTER first, with its own message
      if (e.state === 'MASTER') continue;
      ctx.report({
        pointer: `${e.pointer}/preempt_delay`,
        message: `${e.name}: preempt_delay ${d} is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived resets it to 0`,
        hint: 'remove `preempt_delay`',
      });
    }
  },
};
