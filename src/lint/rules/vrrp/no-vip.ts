import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** An instance without virtual addresses. */
export const noVip: Rule = {
  meta: {
    id: 'vrrp/no-vip',
    severity: 'error',
    description: 'A vrrp_instance without any `virtual_ipaddress`.',
    docs:
      'An instance normally moves at least one virtual address. Without `virtual_ipaddress` keepalived reports it:\n\n' +
      '- for VRRPv3 (`version 3`, an IPv6 instance, or global `vrrp_version 3`) and in strict mode at least one address is required: the instance is rejected and `keepalived -t` stops there (2.2.7 also for every IPv6 instance);\n' +
      '- for VRRPv2 keepalived says that at least one address is sensible, and `keepalived -t` still fails.\n\n' +
      'Since keepalived 2.2.8 `no_virtual_ipaddress` declares an instance that deliberately has no address (not allowed in strict mode).\n\n' +
      '```\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n```',
    keepalived: '(VI_1) No VIP specified; at least one is required / at least one is sensible',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      // addresses of the other family are rejected while reading; without interface, addresses without dev are removed
      const usable = f.vips.filter((v) => (String(v.address).includes(':') ? 'IPv6' : 'IPv4') === f.family && (f.interface !== undefined || typeof v.dev === 'string'));
      if (usable.length > 0) continue;
      const allowed = ctx.atLeast('2.2.8') && f.body.no_virtual_ipaddress !== undefined && !f.strict;
      if (allowed) continue;
      const required = f.version === 3 || f.strict || (!ctx.atLeast('2.2.8') && f.family === 'IPv6');
      const why = f.strict ? 'in strict mode' : f.family === 'IPv6' ? 'for an IPv6 instance' : 'with VRRPv3';
      const pointer = ctx.has(`${f.pointer}/virtual_ipaddress`) ? `${f.pointer}/virtual_ipaddress` : f.pointer;
      ctx.report({
        pointer,
        at: pointer === f.pointer ? 'value' : 'keyword',
        message: `vrrp_instance ${f.name} has no ${f.vips.length > 0 ? 'usable ' : ''}virtual_ipaddress${f.vips.length > 0 ? ' (keepalived drops the ones written)' : ''}; ${
          required ? `keepalived requires at least one ${why} and stops the check` : 'keepalived reports it (at least one is sensible) and `keepalived -t` fails'
        }`,
        hint: ctx.atLeast('2.2.8') && !f.strict ? 'add a `virtual_ipaddress { ... }` block, or `no_virtual_ipaddress` if the instance should carry no address' : 'add a `virtual_ipaddress { ... }` block',
      });
    }
  },
};
