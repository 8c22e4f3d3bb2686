import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** preempt_delay together with nopreempt. */
export const preemptDelayWithNopreempt: Rule = {
  meta: {
    id: 'vrrp/preempt-delay-with-nopreempt',
    severity: 'error',
    description: '`preempt_delay` together with `nopreempt`.',
    docs:
      '`preempt_delay` delays preemption; `nopreempt` disables it. Together the delay means nothing: keepalived reports it, resets it to 0, and `keepalived -t` fails. Keep the one you mean.\n\n' +
      '```\nvrrp_instance VI_1 {\n    state BACKUP\n    nopreempt\n    preempt_delay 30    ! remove\n}\n```',
    keepalived: '(VI_1) preempt_delay is incompatible with nopreempt mode - resetting',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      // a MASTER start clears the delay first (vrrp/preempt-delay-with-master); priority 255 clears nopreempt first
      if (f.preemptDelay <= 0 || !f.nopreemptWritten || f.state === 'MASTER' || f.priority === 255) continue;
      ctx.report({
        pointer: `${f.pointer}/preempt_delay`,
        at: 'keyword',
        message: `vrrp_instance ${f.name} has both \`nopreempt\` and \`preempt_delay\`; keepalived resets the delay to 0`,
        hint: 'remove `preempt_delay` (or `nopreempt` if a delayed preemption is wanted)',
      });
    }
  },
};
