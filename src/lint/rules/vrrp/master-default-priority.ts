import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** `state MASTER` without `priority`: keepalived makes the instance the address owner (255). */
export const masterDefaultPriority: Rule = {
  meta: {
    id: 'vrrp/master-default-priority',
    severity: 'warning',
    description: '`state MASTER` without `priority` makes the instance the address owner (priority 255).',
    docs:
      'When `priority` is not written keepalived derives it from the initial state: 100 for BACKUP, but **255** for `state MASTER`. Priority 255 means "address owner" (RFC 5798): the instance always wins an election, takes over at once, cannot use `nopreempt`, and keepalived ignores the weights of its tracked scripts, interfaces and files. That is rarely what a `state MASTER` line means; write the priority you want.\n\n' +
      '```\nvrrp_instance VI_1 {\n    state MASTER\n    priority 150      ! without this line the priority is 255\n}\n```',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (!f.stateWritten || f.state !== 'MASTER' || f.priorityWritten) continue;
      ctx.report({
        pointer: `${f.pointer}/state`,
        message: `vrrp_instance ${f.name} has \`state MASTER\` and no \`priority\`, so keepalived gives it priority 255 (address owner): it always wins, cannot use nopreempt and ignores tracking weights`,
        hint: 'write an explicit `priority` (e.g. 150), or `priority 255` if the address owner is meant',
      });
    }
  },
};
