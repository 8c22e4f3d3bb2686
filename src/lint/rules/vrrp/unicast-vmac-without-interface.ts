import type { Rule } from '../../rule.js';
import { instanceFacts, keywordAt } from './facts.js';

/** use_vmac / use_ipvlan on a unicast instance without interface. */
export const unicastVmacWithoutInterface: Rule = {
  meta: {
    id: 'vrrp/unicast-vmac-without-interface',
    severity: 'error',
    description: '`use_vmac` or `use_ipvlan` on a unicast instance that has no `interface`.',
    docs:
      'A VMAC or ipvlan interface is created on top of the instance\'s `interface`. A unicast instance without `interface` has nothing to build it on: keepalived reports it when it reads the instance, drops `use_vmac`/`use_ipvlan`, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    interface eth0       ! needed for use_vmac\n    use_vmac\n    vmac_xmit_base\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.2\n    }\n}\n```',
    keepalived: '(VI_1): Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (!f.unicastConfigured || f.interface !== undefined || (!f.vmac && !f.ipvlan)) continue;
      const kw = f.vmac ? 'use_vmac' : 'use_ipvlan';
      ctx.report({
        ...keywordAt(ctx, f, kw),
        message: `\`${kw}\` needs an \`interface\` to build on, and unicast vrrp_instance ${f.name} has none; keepalived drops \`${kw}\``,
        hint: `add \`interface IFNAME\`, or remove \`${kw}\``,
      });
    }
  },
};
