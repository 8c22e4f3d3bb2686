import type { Rule } from '../../rule.js';
import { findStatement, instanceFacts } from './facts.js';

/** An IPv6 instance running VRRPv2 (accepted outside strict mode). */
export const ipv6Version2: Rule = {
  meta: {
    id: 'vrrp/ipv6-version-2',
    severity: 'warning',
    description: 'An IPv6 instance that runs VRRP version 2.',
    docs:
      'VRRPv2 (RFC 3768) is defined for IPv4 only; IPv6 needs VRRPv3 (RFC 5798), which keepalived uses by default for IPv6 instances. When `version 2` comes before the first IPv6 address, keepalived keeps it outside strict mode (in strict mode it reports it and switches to version 3): the instance sends VRRPv2 adverts over IPv6, which other VRRP implementations do not understand. Remove `version 2`.\n\n' +
      '```\nvrrp_instance VI_6 {\n    version 2          ! remove: IPv6 uses VRRPv3\n    virtual_ipaddress {\n        fe80::1/64\n    }\n}\n```',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (f.family !== 'IPv6' || f.version !== 2 || f.strict) continue;
      const st = findStatement(f.node, 'version', 'first');
      ctx.report({
        ...(st ? { loc: st.keywordLoc } : { pointer: `${f.pointer}/version`, at: 'keyword' as const }),
        message: `vrrp_instance ${f.name} is IPv6 but runs VRRP version 2, which is defined for IPv4 only; keepalived accepts it outside strict mode`,
        hint: 'remove `version 2`: IPv6 instances use VRRPv3',
      });
    }
  },
};
