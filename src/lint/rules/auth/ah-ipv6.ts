import type { Rule } from '../../rule.js';
import { effectiveInstances } from '../vrrp-strict/effective.js';

/** AH authentication on an IPv6 VRRPv2 instance. */
export const ahIpv6: Rule = {
  meta: {
    id: 'auth/ah-ipv6',
    severity: 'error',
    description: 'auth_type AH on an IPv6 instance kept at VRRP version 2.',
    docs:
      'keepalived implements IPsec AH authentication for IPv4 only. An IPv6 instance normally runs VRRPv3 (then `auth/vrrpv3` applies); with `version 2` written before its first IPv6 address it stays at version 2 outside strict mode, and keepalived reports AH, ignores the authentication and `keepalived -t` fails.\n\n```\nvrrp_instance VI_1 {\n    version 2\n    authentication {\n        auth_type AH        ! IPv4 only\n        auth_pass secret\n    }\n    virtual_ipaddress {\n        fe80::1/64\n    }\n}\n```\n\nFix: remove the authentication block (and `version 2`: IPv6 instances should use version 3).',
    keepalived: '(VI_1) AH authentication is refused for IPv6 and ignored',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (e.strict || e.authType !== 'AH' || e.version !== 2 || !e.authPass || e.family !== 'inet6' || !e.authTypeLoc) continue;
      ctx.report({
        loc: e.authTypeLoc,
        message: `${e.name}: AH authentication works with IPv4 only; keepalived ignores it on this IPv6 instance`,
        hint: 'remove the authentication block',
      });
    }
  },
};
