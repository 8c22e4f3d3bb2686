import type { Rule } from '../../rule.js';
import { effectiveInstances, versionSource } from '../vrrp-strict/effective.js';

/** Authentication on a VRRPv3 instance (outside strict mode, which vrrp-strict/no-auth covers). */
export const vrrpv3: Rule = {
  meta: {
    id: 'auth/vrrpv3',
    severity: 'error',
    description: 'Authentication on a VRRPv3 instance (explicit version 3, global vrrp_version 3, or IPv6).',
    docs:
      'VRRPv3 (RFC 5798) has no authentication. keepalived reports an instance with `auth_type` that runs version 3, ignores the authentication and `keepalived -t` fails. The version can come from `version 3`, from the global `vrrp_version 3`, or from the address family: IPv6 instances (an IPv6 first address, or `native_ipv6`) use version 3. In strict mode `vrrp-strict/no-auth` reports it instead.\n\n```\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n        fe80::1/64          ! IPv6: version 3\n    }\n    authentication {        ! not supported by VRRPv3\n        auth_type PASS\n        auth_pass secret\n    }\n}\n```\n\nFix: remove the `authentication` block (VRRPv3 relies on the TTL/hop-limit 255 check), or use `version 2` on an IPv4 instance if the peers need authentication.',
    keepalived: '(VI_1) authentication is refused with VRRP version 3 and ignored',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (e.strict || !e.authType || !e.authBlock || e.version !== 3) continue;
      ctx.report({
        loc: e.authBlock.loc,
        message: `${e.name}: VRRP version 3 has no authentication, and this instance runs version 3 because of ${versionSource(ctx, e)}; keepalived ignores auth_type ${e.authType}`,
        hint: 'remove the authentication block',
      });
    }
  },
};
