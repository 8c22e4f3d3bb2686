import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode and VRRP authentication. */
export const noAuth: Rule = {
  meta: {
    id: 'vrrp-strict/no-auth',
    severity: 'error',
    description: 'An instance in strict mode has authentication (auth_type PASS or AH).',
    docs:
      'Strict mode follows RFC 3768/5798, which removed VRRP authentication. keepalived reports an instance in strict mode (global `vrrp_strict` or the instance\'s `strict_mode`) that sets `auth_type`, drops the authentication and `keepalived -t` fails. An `authentication` block without `auth_type` does nothing and is not reported by keepalived.\n\n```\nglobal_defs {\n    vrrp_strict\n}\nvrrp_instance VI_1 {\n    ...\n    authentication {        ! not allowed in strict mode\n        auth_type PASS\n        auth_pass secret\n    }\n}\n```\n\nFix: remove the `authentication` block, or turn strict mode off for this instance with `strict_mode off`.',
    keepalived: '(VI_1) authentication is refused in strict mode and ignored',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || !e.authType || !e.authBlock) continue;
      ctx.report({
        loc: e.authBlock.loc,
        message: `${e.name}: authentication (auth_type ${e.authType}) is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived ignores it`,
        hint: 'remove the authentication block, or set `strict_mode off` in this instance',
      });
    }
  },
};
