import type { Rule } from '../../rule.js';
import { effectiveInstances } from '../vrrp-strict/effective.js';

/** auth_type without auth_pass. */
export const noPassword: Rule = {
  meta: {
    id: 'auth/no-password',
    severity: 'error',
    description: '`auth_type` is set but `auth_pass` is missing or empty.',
    docs:
      'Both authentication types use the shared `auth_pass`. keepalived reports an instance with `auth_type` and no password, ignores the authentication and `keepalived -t` fails. (In strict mode or with VRRPv3 the authentication is refused first: `vrrp-strict/no-auth`, `auth/vrrpv3`.)\n\n```\nvrrp_instance VI_1 {\n    authentication {\n        auth_type PASS      ! no auth_pass\n    }\n}\n```\n\nFix: add `auth_pass` with the password the other routers use, or remove the block.',
    keepalived: '(VI_1) authentication without a password is ignored',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (e.strict || !e.authType || e.version !== 2 || e.authPass || !e.authTypeLoc) continue;
      ctx.report({
        loc: e.authTypeLoc,
        message: `${e.name}: auth_type ${e.authType} without ${e.authPassLoc ? 'a non-empty' : 'an'} auth_pass; keepalived ignores the authentication`,
        hint: 'add `auth_pass <password>` (at most 8 characters) to the authentication block',
      });
    }
  },
};
