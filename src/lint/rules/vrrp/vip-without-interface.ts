import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';
import { instanceFacts } from './facts.js';

/** Virtual addresses of an interface-less (unicast) instance need `dev`. */
export const vipWithoutInterface: Rule = {
  meta: {
    id: 'vrrp/vip-without-interface',
    severity: 'error',
    description: 'A virtual address without `dev` in an instance that has no `interface`.',
    docs:
      'A virtual address goes on its `dev`, or else on the instance\'s `interface`. An instance without `interface` (unicast, keepalived 2.2.8+) gives it nowhere to go: keepalived reports the address, removes it, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.2\n    }\n    virtual_ipaddress {\n        10.0.0.100/24 dev eth0\n    }\n}\n```',
    keepalived: '(VI_1): no interface for vip ADDR - removing',
  },
  check(ctx) {
    if (!ctx.atLeast('2.2.8')) return; // 2.2.7 rejects the instance itself (vrrp/no-interface)
    for (const f of instanceFacts(ctx)) {
      if (f.interface !== undefined || !f.unicastConfigured || f.sourceAddress === undefined) continue;
      for (const list of ['virtual_ipaddress', 'virtual_ipaddress_excluded']) {
        const items = (f.body[list] as Obj[] | undefined) ?? [];
        items.forEach((v, i) => {
          if (!v || typeof v !== 'object' || typeof v.dev === 'string') return;
          ctx.report({
            pointer: `${f.pointer}/${list}/${i}`,
            message: `${String(v.address)} has no \`dev\` and vrrp_instance ${f.name} has no \`interface\`; keepalived removes the address`,
            hint: 'add `dev IFNAME` to the address',
          });
        });
      }
    }
  },
};
