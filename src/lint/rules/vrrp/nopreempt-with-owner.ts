import type { Rule } from '../../rule.js';
import { findStatement, instanceFacts } from './facts.js';

/** nopreempt on an address owner (priority 255). */
export const nopreemptWithOwner: Rule = {
  meta: {
    id: 'vrrp/nopreempt-with-owner',
    severity: 'error',
    description: '`nopreempt` on an instance with priority 255 (address owner).',
    docs:
      'The address owner (priority 255, also what `state MASTER` without `priority` gives) always takes over: that is what owning the address means. keepalived reports `nopreempt` on such an instance, clears it, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    priority 255\n    nopreempt      ! use a lower priority for a router that should not preempt\n}\n```',
    keepalived: '(VI_1) nopreempt is incompatible with priority 255. resetting nopreempt',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (!f.nopreemptWritten || f.priority !== 255) continue;
      const st = findStatement(f.node, 'nopreempt');
      ctx.report({
        ...(st ? { loc: st.keywordLoc } : { pointer: `${f.pointer}/nopreempt`, at: 'keyword' as const }),
        message: `vrrp_instance ${f.name} has priority 255 (address owner${f.priorityWritten ? '' : ', from `state MASTER` without `priority`'}), which always preempts; keepalived clears \`nopreempt\``,
        hint: 'use a priority below 255 (and `state BACKUP`) for a router that must not preempt, or remove `nopreempt`',
      });
    }
  },
};
