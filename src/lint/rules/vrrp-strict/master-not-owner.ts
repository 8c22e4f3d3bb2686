import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode: initial state MASTER exactly when priority is 255 (address owner). */
export const masterNotOwner: Rule = {
  meta: {
    id: 'vrrp-strict/master-not-owner',
    severity: 'error',
    description: 'In strict mode, `state MASTER` without priority 255, or priority 255 with `state BACKUP`.',
    docs:
      'In strict mode only the address owner (priority 255) may start as MASTER, and the owner must start as MASTER. keepalived reports a mismatch between `state` and `priority`, makes the state follow the priority and `keepalived -t` fails.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    state MASTER      ! priority 100 is not the address owner\n    priority 100\n}\n```\n\nFix: use `state BACKUP` for every router that is not the address owner (the highest priority still wins the election), or give the owner priority 255 and `state MASTER`. Leaving `state` out lets keepalived derive it from the priority.',
    keepalived: '(VI_1) in strict mode an initial MASTER state has to go with priority 255; the state is made to follow the priority',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || !e.stateExplicit) continue;
      if ((e.state === 'MASTER') === (e.priority === 255)) continue;
      const message =
        e.state === 'MASTER'
          ? `${e.name}: state MASTER needs priority 255 (address owner) in strict mode, set by ${strictSource(ctx, e)}; priority is ${e.priority}, so keepalived starts it as BACKUP`
          : `${e.name}: priority 255 (address owner) must start as MASTER in strict mode, set by ${strictSource(ctx, e)}; keepalived starts it as MASTER`;
      ctx.report({
        pointer: `${e.pointer}/state`,
        message,
        hint: e.state === 'MASTER' ? 'use `state BACKUP` (or remove `state`), or `priority 255` on the address owner' : 'use `state MASTER` (or remove `state`), or a priority below 255',
      });
    }
  },
};
