import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** preempt_delay on an instance that starts as MASTER. */
export const preemptDelayWithMaster: Rule = {
  meta: {
    id: 'vrrp/preempt-delay-with-master',
    severity: 'error',
    description: '`preempt_delay` on an instance that starts as MASTER.',
    docs:
      '`preempt_delay` holds back a BACKUP router that would preempt after startup. An instance that starts as MASTER (`state MASTER`, or priority 255 without `state`) does not wait, so keepalived reports the delay, clears it, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    state BACKUP       ! the delay only works for a backup\n    preempt_delay 30\n}\n```',
    keepalived: '(VI_1) Warning - preempt delay will not work with initial state MASTER - clearing',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (f.preemptDelay <= 0 || f.state !== 'MASTER') continue;
      ctx.report({
        pointer: `${f.pointer}/preempt_delay`,
        at: 'keyword',
        message: `vrrp_instance ${f.name} starts as MASTER${f.stateWritten ? '' : ' (priority 255 without `state`)'}, so \`preempt_delay\` cannot work; keepalived clears it`,
        hint: 'use `state BACKUP` (and a priority below 255) for a router that should delay preemption, or remove `preempt_delay`',
      });
    }
  },
};
