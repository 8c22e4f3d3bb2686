import type { Rule } from '../../rule.js';
import { effectiveInstances, isLinkLocal6, strictSource } from './effective.js';

/** Strict mode, IPv6 multicast: the first VIP is the link-local address. */
export const firstVipLinkLocal: Rule = {
  meta: {
    id: 'vrrp-strict/first-vip-link-local',
    severity: 'error',
    description: 'The first virtual address of an IPv6 multicast instance in strict mode is not link-local.',
    docs:
      'RFC 5798 makes the first address of an IPv6 virtual router its link-local address (fe80::/10). In strict mode keepalived reports an IPv6 instance that does not use unicast peers and whose first `virtual_ipaddress` is not link-local, and `keepalived -t` fails. Outside strict mode keepalived only logs it (`mcast/first-vip-link-local`).\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    virtual_ipaddress {\n        fe80::1/64          ! the link-local address first\n        2001:db8::1/64\n    }\n}\n```\n\nFix: put a link-local address (fe80::...) first in `virtual_ipaddress`.',
    keepalived: '(VI_1) in strict mode the first IPv6 VIP has to be link-local',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || e.family !== 'inet6' || e.unicast) continue;
      const first = e.vips[0];
      if (!first || isLinkLocal6(first.text)) continue;
      ctx.report({
        loc: first.loc,
        message: `${e.name}: the first IPv6 virtual address ${first.text} is not link-local (fe80::/10), which strict mode, set by ${strictSource(ctx, e)}, requires`,
        hint: 'put the instance\'s link-local virtual address (fe80::...) first in virtual_ipaddress',
      });
    }
  },
};
