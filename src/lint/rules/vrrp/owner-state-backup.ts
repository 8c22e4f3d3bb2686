import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** priority 255 (address owner) with `state BACKUP` outside strict mode. */
export const ownerStateBackup: Rule = {
  meta: {
    id: 'vrrp/owner-state-backup',
    severity: 'info',
    description: 'An address owner (priority 255) configured with `state BACKUP`.',
    docs:
      'Priority 255 marks the address owner, which RFC 5798 expects to start as master and to take over at once. keepalived accepts `state BACKUP` with priority 255 outside strict mode (in strict mode it reports the mismatch, see vrrp-strict), but the instance still preempts every other router as soon as it runs: the `state` line does not do what it says. Use a priority below 255 for a router that should wait, or `state MASTER`.\n\n' +
      '```\nvrrp_instance VI_1 {\n    state BACKUP\n    priority 255     ! address owner: it takes over anyway\n}\n```',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (f.strict || !f.stateWritten || f.state !== 'BACKUP' || !f.priorityWritten || f.priority !== 255) continue;
      ctx.report({
        pointer: `${f.pointer}/state`,
        message: `vrrp_instance ${f.name} has priority 255 (address owner) but \`state BACKUP\`; an owner preempts every other router anyway, so the state line has no effect`,
        hint: 'lower the priority below 255 for a backup router, or write `state MASTER`',
      });
    }
  },
};
