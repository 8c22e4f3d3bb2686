import type { Rule } from '../../rule.js';
import { effectiveInstances, FAMILY_NAME, lineOf } from '../vrrp-strict/effective.js';

const WHAT: Record<string, string> = {
  virtual_ipaddress: 'virtual address',
  unicast_peer: 'unicast peer',
  mcast_src_ip: 'mcast_src_ip',
  unicast_src_ip: 'unicast_src_ip',
  mcast_dst_ip: 'mcast_dst_ip',
  use_ipvlan: 'use_ipvlan address',
};

/** Addresses of the other family than the one the instance's first address fixed. */
export const familyMismatch: Rule = {
  meta: {
    id: 'mcast/family-mismatch',
    severity: 'error',
    description: 'An address of an instance is of the other family (IPv4/IPv6) than the instance; keepalived ignores it.',
    docs:
      'A VRRP instance is either IPv4 or IPv6. keepalived takes the family from the first address-like statement it reads in the instance: `mcast_src_ip`, `unicast_src_ip`, `mcast_dst_ip`, a `unicast_peer`, a `virtual_ipaddress` entry or the `use_ipvlan` address (`native_ipv6` makes it IPv6 when no IPv4 address came first). Every later address of the other family is reported and ignored (a VIP or peer is dropped, a source or destination address is not used) and `keepalived -t` fails. (`native_ipv6` after an IPv4 address: `vrrp/native-ipv6-with-ipv4`.) `virtual_ipaddress_excluded` may mix families.\n\n```\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n        10.0.0.1/24\n        fe80::1/64        ! IPv6 in an IPv4 instance: dropped\n    }\n}\n```\n\nFix: use one instance per family (the same VRID may be reused for IPv4 and IPv6), or move the extra addresses to `virtual_ipaddress_excluded`.',
    keepalived: 'an address of the other family than the instance is reported (at its line) and ignored',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      for (const r of e.rejected) {
        const fixed = r.fixedBy ? `${r.fixedBy.keyword === 'virtual_ipaddress' ? 'virtual address' : r.fixedBy.keyword} ${r.fixedBy.text} (${lineOf(ctx, r.fixedBy.loc)})` : 'an earlier address';
        if (r.keyword === 'native_ipv6') continue; // vrrp/native-ipv6-with-ipv4
        const family = e.family ?? 'inet';
        ctx.report({
          loc: r.loc,
          message: `${e.name}: ${WHAT[r.keyword] ?? r.keyword} ${r.text} is ${FAMILY_NAME[r.family]} but the instance is ${FAMILY_NAME[family]} (from ${fixed}); keepalived ignores it`,
          hint:
            r.keyword === 'virtual_ipaddress'
              ? 'put addresses of the other family in their own vrrp_instance, or in virtual_ipaddress_excluded'
              : `use an ${FAMILY_NAME[family]} address here, or a separate instance for ${FAMILY_NAME[r.family]}`,
        });
      }
    }
  },
};
