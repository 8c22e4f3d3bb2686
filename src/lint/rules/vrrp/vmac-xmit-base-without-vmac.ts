import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** vmac_xmit_base without use_vmac. */
export const vmacXmitBaseWithoutVmac: Rule = {
  meta: {
    id: 'vrrp/vmac-xmit-base-without-vmac',
    severity: 'error',
    description: '`vmac_xmit_base` on an instance without `use_vmac`.',
    docs:
      '`vmac_xmit_base` sends the adverts of a VMAC instance through the base interface. Without `use_vmac` (an ipvlan does not count) it has no meaning: keepalived reports it, clears it, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    use_vmac\n    vmac_xmit_base\n}\n```',
    keepalived: '(VI_1) vmac_xmit_base is only valid with a vmac',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (f.body.vmac_xmit_base === undefined || f.vmac) continue;
      // without interface keepalived stops earlier (vrrp/no-interface, vrrp/unicast-vmac-without-interface)
      ctx.report({
        pointer: `${f.pointer}/vmac_xmit_base`,
        at: 'keyword',
        message: `\`vmac_xmit_base\` only works with use_vmac, and vrrp_instance ${f.name} has ${f.ipvlan ? 'use_ipvlan instead' : 'no use_vmac'}; keepalived clears it`,
        hint: f.ipvlan ? 'remove `vmac_xmit_base` (ipvlan instances cannot use it)' : 'remove `vmac_xmit_base`, or add `use_vmac`',
      });
    }
  },
};
