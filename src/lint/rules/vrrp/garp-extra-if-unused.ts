import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';
import { instanceFacts } from './facts.js';

/** garp_extra_if that keepalived silently turns off. */
export const garpExtraIfUnused: Rule = {
  meta: {
    id: 'vrrp/garp-extra-if-unused',
    severity: 'info',
    description: '`garp_extra_if` on an instance where keepalived turns it off.',
    docs:
      '`garp_extra_if [all] SECONDS` (formerly `vmac_garp_intvl`) repeats gratuitous ARPs / neighbour adverts for addresses on interfaces other than the instance\'s own. Without `all` it only covers addresses on extra VMAC interfaces (`use_vmac` on an address, or `use_vmac_addr`); with `all`, also addresses with a `dev` other than the instance\'s interface. When the instance has none of those, keepalived silently turns the setting off.\n\n```\nvrrp_instance VI_1 {\n    interface eth0\n    garp_extra_if all 30\n    virtual_ipaddress {\n        10.0.0.100/24\n        10.1.0.100/24 dev eth1     ! the address garp_extra_if all repeats for\n    }\n}\n```',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      for (const kw of ['garp_extra_if', 'vmac_garp_intvl']) {
        const v = f.body[kw] as { all?: unknown; interval?: unknown } | undefined;
        if (!v || typeof v !== 'object' || typeof v.interval !== 'number' || v.interval === 0) continue;
        const addrs = [...((f.body.virtual_ipaddress as Obj[] | undefined) ?? []), ...((f.body.virtual_ipaddress_excluded as Obj[] | undefined) ?? [])].filter((a) => a && typeof a === 'object');
        const other = (a: Obj): boolean => typeof a.dev === 'string' && a.dev !== f.interface;
        const extraVmac = addrs.some((a) => a.use_vmac === true || (f.body.use_vmac_addr !== undefined && (other(a) || String(a.address).includes(':') !== (f.family === 'IPv6'))));
        const extraIf = addrs.some(other);
        if (extraVmac || (v.all === true && extraIf)) continue;
        ctx.report({
          pointer: `${f.pointer}/${kw}`,
          at: 'keyword',
          message: `vrrp_instance ${f.name} has no address on ${v.all === true ? 'another interface or ' : ''}an extra VMAC interface, so keepalived turns \`${kw}\` off`,
          hint: extraIf && v.all !== true ? `write \`${kw} all ${v.interval}\` to cover addresses on other interfaces` : `remove \`${kw}\``,
        });
      }
    }
  },
};
