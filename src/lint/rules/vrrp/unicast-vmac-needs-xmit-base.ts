import type { Rule } from '../../rule.js';
import { instanceFacts, keywordAt } from './facts.js';

/** unicast with use_vmac needs vmac_xmit_base. */
export const unicastVmacNeedsXmitBase: Rule = {
  meta: {
    id: 'vrrp/unicast-vmac-needs-xmit-base',
    severity: 'error',
    description: 'A unicast instance with `use_vmac` but without `vmac_xmit_base`.',
    docs:
      'Unicast adverts must leave through the real interface, not the VMAC. keepalived reports a unicast instance with `use_vmac` and no `vmac_xmit_base`, turns `vmac_xmit_base` on itself, and `keepalived -t` fails. Write it.\n\n' +
      '```\nvrrp_instance VI_1 {\n    interface eth0\n    use_vmac\n    vmac_xmit_base\n    unicast_peer {\n        10.0.0.2\n    }\n}\n```',
    keepalived: '(VI_1) unicast with use_vmac requires vmac_xmit_base - setting',
    fixable: false,
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (!f.unicastConfigured || f.interface === undefined || !f.vmac || f.body.vmac_xmit_base !== undefined) continue;
      ctx.report({
        ...keywordAt(ctx, f, 'use_vmac'),
        // keepalived checks it when the instance ends and names its `}`
        toBlockEnd: f.pointer,
        message: `unicast vrrp_instance ${f.name} uses a VMAC without \`vmac_xmit_base\`; keepalived turns it on and reports it`,
        hint: 'add `vmac_xmit_base`',
      });
    }
  },
};
