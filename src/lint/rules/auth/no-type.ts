import type { Rule } from '../../rule.js';
import { effectiveInstances } from '../vrrp-strict/effective.js';

/** An authentication block without auth_type does nothing. */
export const noType: Rule = {
  meta: {
    id: 'auth/no-type',
    severity: 'warning',
    description: 'An `authentication` block without `auth_type`: the password is not used.',
    docs:
      'Authentication is on only when `auth_type` is PASS or AH. keepalived silently ignores an `authentication` block without `auth_type`, so an `auth_pass` alone protects nothing while the other routers may expect a password (their adverts are then dropped, or this router\'s are).\n\n```\nvrrp_instance VI_1 {\n    authentication {\n        auth_pass secret    ! no auth_type: not used\n    }\n}\n```\n\nFix: add `auth_type PASS` (or AH), or remove the block.',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.authBlock || e.authTypeWritten) continue;
      ctx.report(
        e.authPassLoc
          ? {
              loc: e.authPassLoc,
              message: `${e.name}: auth_pass without auth_type; keepalived does not use the password and sends adverts without authentication`,
              hint: 'add `auth_type PASS` (or AH) to the authentication block, or remove the block',
            }
          : {
              loc: e.authBlock.loc,
              message: `${e.name}: the authentication block has no auth_type, so it has no effect`,
              hint: 'add `auth_type` and `auth_pass`, or remove the block',
            },
      );
    }
  },
};
