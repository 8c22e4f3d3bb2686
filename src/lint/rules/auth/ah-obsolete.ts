import type { Rule } from '../../rule.js';
import { effectiveInstances } from '../vrrp-strict/effective.js';

/** AH authentication: removed from the standard, rarely interoperable. */
export const ahObsolete: Rule = {
  meta: {
    id: 'auth/ah-obsolete',
    severity: 'info',
    description: 'IPsec AH authentication is obsolete VRRP (RFC 2338) that other implementations rarely support.',
    docs:
      'AH authentication comes from RFC 2338; RFC 3768 removed it and VRRPv3 has no authentication at all. keepalived still supports it for IPv4 VRRPv2, but routers of other vendors usually do not, and it cannot be combined with strict mode, VRRPv3 or IPv6.\n\nConsider: VRRPv3 without authentication, with VRRP traffic (IP protocol 112) filtered to the known routers.',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (e.strict || e.authType !== 'AH' || e.version !== 2 || !e.authPass || e.family === 'inet6' || !e.authTypeLoc) continue;
      ctx.report({
        loc: e.authTypeLoc,
        message: `${e.name}: AH authentication is obsolete (removed by RFC 3768); only keepalived-to-keepalived setups are likely to work`,
        hint: 'prefer VRRPv3 without authentication and filter VRRP traffic to the known routers',
      });
    }
  },
};
