import type { Rule } from '../../rule.js';
import { effectiveInstances, isLinkLocal6 } from '../vrrp-strict/effective.js';

/** IPv6 multicast instance whose first VIP is not link-local (outside strict mode). */
export const firstVipLinkLocal: Rule = {
  meta: {
    id: 'mcast/first-vip-link-local',
    severity: 'warning',
    description: 'The first virtual address of an IPv6 multicast instance is not link-local.',
    docs:
      'RFC 5798 makes the first address of an IPv6 virtual router its link-local address (fe80::/10), and other VRRPv3 routers check it. Outside strict mode keepalived only logs that it should be link-local and `keepalived -t` passes; in strict mode it is an error (`vrrp-strict/first-vip-link-local`). Unicast instances are not concerned.\n\n```\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n        fe80::1/64          ! the link-local address first\n        2001:db8::1/64\n    }\n}\n```\n\nFix: put a link-local address first in `virtual_ipaddress`.',
    keepalived: "logged only: an IPv6 instance's first VIP ought to be link-local",
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (e.strict || e.family !== 'inet6' || e.unicast) continue;
      const first = e.vips[0];
      if (!first || isLinkLocal6(first.text)) continue;
      ctx.report({
        loc: first.loc,
        message: `${e.name}: the first IPv6 virtual address ${first.text} is not link-local (fe80::/10); RFC 5798 routers expect the link-local address first`,
        hint: 'put the instance\'s link-local virtual address (fe80::...) first in virtual_ipaddress',
      });
    }
  },
};
