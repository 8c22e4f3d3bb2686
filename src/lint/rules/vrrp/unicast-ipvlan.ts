import type { Rule } from '../../rule.js';
import { instanceFacts, keywordAt } from './facts.js';

/** use_ipvlan on a unicast instance: keepalived forces vmac_xmit_base, which only works with use_vmac. */
export const unicastIpvlan: Rule = {
  meta: {
    id: 'vrrp/unicast-ipvlan',
    severity: 'error',
    description: '`use_ipvlan` on a unicast instance.',
    docs:
      'For a unicast instance on a VMAC or ipvlan interface keepalived insists on `vmac_xmit_base` and turns it on when missing (reported); but `vmac_xmit_base` only works with `use_vmac`, so for an ipvlan instance it is reported again and cleared. Either way `keepalived -t` fails: ipvlan and unicast do not go together. Use `use_vmac` with `vmac_xmit_base`, or multicast.\n\n```\nvrrp_instance VI_1 {\n    interface eth0\n    use_vmac               ! not use_ipvlan\n    vmac_xmit_base\n    unicast_peer {\n        10.0.0.2\n    }\n}\n```',
    keepalived: '(VI_1) unicast with use_vmac requires vmac_xmit_base - setting / (VI_1) vmac_xmit_base is only valid with a vmac',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      // with vmac_xmit_base written, vrrp/vmac-xmit-base-without-vmac reports it
      if (!f.unicastConfigured || f.interface === undefined || !f.ipvlan || f.vmac || f.body.vmac_xmit_base !== undefined) continue;
      ctx.report({
        ...keywordAt(ctx, f, 'use_ipvlan'),
        message: `unicast vrrp_instance ${f.name} uses ipvlan; keepalived forces \`vmac_xmit_base\` for unicast, which only works with use_vmac, and reports both`,
        hint: 'use `use_vmac` with `vmac_xmit_base`, or drop `use_ipvlan`',
      });
    }
  },
};
