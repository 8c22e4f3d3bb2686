import type { Rule } from '../../rule.js';
import { effectiveInstances, lineOf } from '../vrrp-strict/effective.js';

/** AH authentication with an initial MASTER that is not the address owner. */
export const ahInitialMaster: Rule = {
  meta: {
    id: 'auth/ah-initial-master',
    severity: 'error',
    description: '`state MASTER` with AH authentication on an instance whose priority is not 255.',
    docs:
      'With AH authentication a router must learn the AH sequence number from an advert before it may take over. keepalived therefore reports an initial `state MASTER` with AH on an instance that is not the address owner (priority 255), starts it as BACKUP and `keepalived -t` fails.\n\n```\nvrrp_instance VI_1 {\n    state MASTER        ! not with AH unless priority 255\n    priority 150\n    authentication {\n        auth_type AH\n        auth_pass secret\n    }\n}\n```\n\nFix: use `state BACKUP` (the highest priority still becomes MASTER), or PASS authentication, or none.',
    keepalived: '(VI_1) an initial MASTER state with AH authentication is refused; the state becomes BACKUP',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (e.strict || e.authType !== 'AH' || e.version !== 2 || !e.authPass || e.family === 'inet6') continue;
      if (e.state !== 'MASTER' || e.priority === 255 || !e.stateExplicit || !e.authTypeLoc) continue;
      ctx.report({
        pointer: `${e.pointer}/state`,
        message: `${e.name}: state MASTER with AH authentication (${lineOf(ctx, e.authTypeLoc)}) needs priority 255; with priority ${e.priority} keepalived starts it as BACKUP`,
        hint: 'use `state BACKUP`',
      });
    }
  },
};
