import type { Rule } from '../../rule.js';
import { effectiveInstances, lineOf, strictSource } from './effective.js';

/** Strict mode: IPv6 instances use VRRPv3. */
export const ipv6Version2: Rule = {
  meta: {
    id: 'vrrp-strict/ipv6-version-2',
    severity: 'error',
    description: 'An IPv6 instance in strict mode with `version 2`.',
    docs:
      'VRRPv2 (RFC 3768) is IPv4 only. A `version 2` written before the instance\'s first IPv6 address is kept by keepalived, but in strict mode keepalived reports it, switches the instance to version 3 and `keepalived -t` fails. (A `version 2` after the first IPv6 address is rejected in any mode, `vrrp/version-conflict`; outside strict mode a kept `version 2` is a warning, `vrrp/ipv6-version-2`.)\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    version 2          ! IPv6 needs version 3\n    virtual_ipaddress {\n        fe80::1/64\n    }\n}\n```\n\nFix: remove `version 2` (IPv6 instances default to version 3).',
    keepalived: '(VI_1) IPv6 with VRRP version 2 is refused in strict mode; version 3 is used',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || !e.ipv6WithV2 || !e.versionKept) continue;
      const by = e.familyBy ? `${e.familyBy.text} (${lineOf(ctx, e.familyBy.loc)})` : 'its addresses';
      ctx.report({
        loc: e.versionKept.loc,
        message: `${e.name}: version 2 on an IPv6 instance (made IPv6 by ${by}) is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived uses version 3`,
        hint: 'remove `version 2`',
      });
    }
  },
};
