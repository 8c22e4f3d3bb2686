import type { Rule } from '../../rule.js';
import { findStatement, instanceFacts } from './facts.js';

/** nopreempt with initial state MASTER. */
export const nopreemptWithMaster: Rule = {
  meta: {
    id: 'vrrp/nopreempt-with-master',
    severity: 'error',
    description: '`nopreempt` on an instance that starts as MASTER.',
    docs:
      '`nopreempt` lets a higher-priority router come up without taking over from the current master. An instance that starts in MASTER state takes over by itself, so keepalived reports the combination, clears `nopreempt`, and `keepalived -t` fails. The usual setup for non-preemptive failover is `state BACKUP` on **all** routers, with different priorities and `nopreempt`.\n\n' +
      '```\nvrrp_instance VI_1 {\n    state BACKUP     ! not MASTER\n    priority 150\n    nopreempt\n}\n```',
    keepalived: '(VI_1) Warning - nopreempt will not work with initial state MASTER - clearing',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      // priority 255 is reported by vrrp/nopreempt-with-owner, which clears nopreempt first
      if (!f.nopreemptWritten || f.state !== 'MASTER' || f.priority === 255) continue;
      const st = findStatement(f.node, 'nopreempt');
      ctx.report({
        ...(st ? { loc: st.keywordLoc } : { pointer: `${f.pointer}/nopreempt`, at: 'keyword' as const }),
        message: `vrrp_instance ${f.name} starts as MASTER, so \`nopreempt\` cannot work; keepalived clears it`,
        hint: 'use `state BACKUP` on every router of the virtual router together with `nopreempt`',
      });
    }
  },
};
