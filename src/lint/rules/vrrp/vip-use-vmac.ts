import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';
import { instanceFacts } from './facts.js';

/** `use_vmac` on a virtual address where keepalived cannot honour it. */
export const vipUseVmac: Rule = {
  meta: {
    id: 'vrrp/vip-use-vmac',
    severity: 'error',
    description: 'A virtual address with `use_vmac` that keepalived rejects.',
    docs:
      'The `use_vmac` option of an address puts it on a VMAC of its own interface. keepalived reports it (and `keepalived -t` fails) when:\n\n' +
      '- the instance itself uses a VMAC and the address is on the instance\'s interface (no `dev`, or the same one) and of the instance\'s family: it goes on the instance\'s VMAC anyway;\n' +
      '- the instance has `use_vmac_addr` (every address on another interface or family already gets a VMAC) and the address is on another interface or of the other family.\n\n' +
      'Remove the option from the address.\n\n```\nvrrp_instance VI_1 {\n    interface eth0\n    use_vmac\n    virtual_ipaddress {\n        10.0.0.100/24              ! no use_vmac here: on the instance VMAC anyway\n        10.1.0.100/24 dev eth1 use_vmac\n    }\n}\n```',
    keepalived: '(VI_1) use_vmac specified for VIP/eVIP ADDR and vrrp instance / use_vmac_addr specified and use_vmac specified for VIP/eVIP ADDR',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      for (const list of ['virtual_ipaddress', 'virtual_ipaddress_excluded']) {
        const items = (f.body[list] as Obj[] | undefined) ?? [];
        items.forEach((v, i) => {
          if (!v || typeof v !== 'object' || v.use_vmac !== true || typeof v.address !== 'string') return;
          const fam = v.address.includes(':') ? 'IPv6' : 'IPv4';
          const dev = typeof v.dev === 'string' ? v.dev : undefined;
          const onOwn = dev === undefined || dev === f.interface;
          const pointer = `${f.pointer}/${list}/${i}/use_vmac`;
          if (onOwn && f.vmac && fam === f.family) {
            ctx.report({
              pointer,
              at: 'keyword',
              message: `${v.address} is on the interface of vrrp_instance ${f.name}, which already uses a VMAC; keepalived reports \`use_vmac\` on the address`,
              hint: 'remove `use_vmac` from the address: it goes on the instance\'s VMAC anyway',
            });
          } else if ((!onOwn || fam !== f.family) && f.body.use_vmac_addr !== undefined) {
            ctx.report({
              pointer,
              at: 'keyword',
              message: `vrrp_instance ${f.name} has use_vmac_addr, which already gives ${v.address} a VMAC; keepalived reports \`use_vmac\` on the address`,
              hint: 'remove `use_vmac` from the address (or `use_vmac_addr` from the instance)',
            });
          }
        });
      }
    }
  },
};
