import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** An instance without `interface`: keepalived's minimal-configuration check. */
export const noInterface: Rule = {
  meta: {
    id: 'vrrp/no-interface',
    severity: 'error',
    description: 'A vrrp_instance without `interface` that keepalived cannot run.',
    docs:
      'keepalived needs to know where an instance sends and receives adverts. Without `interface`:\n\n' +
      '- keepalived 2.2.7 rejects every such instance ("Unknown interface!"), even a correctly configured unicast one (it tests a flag that is only set later), and `keepalived -t` stops there;\n' +
      '- keepalived 2.2.8 and later accept it only for unicast (any of `unicast_peer`, `unicast_src_ip`, `unicast_fault_no_peer`, `check_unicast_src`, `old_unicast_checksum`), and then only with a source address (`unicast_src_ip` or `mcast_src_ip`) that is not an IPv6 link-local address.\n\n' +
      '```\nvrrp_instance VI_1 {\n    interface eth0          ! add this\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n```',
    keepalived: '(VI_1) Unknown interface! / Unicast instances must have unicast_src_ip or interface / Non link-local address required if interface omitted',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (f.interface !== undefined) continue;
      const at = { pointer: f.pointer, at: 'value' as const };
      if (!ctx.atLeast('2.2.8')) {
        ctx.report({
          ...at,
          message: f.unicastConfigured
            ? `vrrp_instance ${f.name} has no \`interface\`; keepalived ${ctx.versionText} rejects every instance without one ("Unknown interface"), unicast ones included, and stops the check`
            : `vrrp_instance ${f.name} has no \`interface\`; keepalived rejects it ("Unknown interface") and stops the check`,
          hint: 'add `interface IFNAME` (interface-less unicast instances need keepalived 2.2.8 or later)',
        });
        continue;
      }
      if (!f.unicastConfigured) {
        ctx.report({
          ...at,
          message: `vrrp_instance ${f.name} has no \`interface\` and is not unicast; keepalived rejects it ("Unknown interface") and stops the check`,
          hint: 'add `interface IFNAME`, or make it a unicast instance with `unicast_src_ip` and `unicast_peer`',
        });
        continue;
      }
      if (f.sourceAddress === undefined) {
        ctx.report({
          ...at,
          message: `unicast vrrp_instance ${f.name} has neither \`interface\` nor \`unicast_src_ip\`; keepalived rejects it and stops the check`,
          hint: 'add `unicast_src_ip ADDRESS` (or `interface IFNAME`)',
        });
        continue;
      }
      if (/^fe[89ab]/i.test(f.sourceAddress) && f.sourceAddress.includes(':')) {
        const p = ctx.has(`${f.pointer}/unicast_src_ip`) ? `${f.pointer}/unicast_src_ip` : `${f.pointer}/mcast_src_ip`;
        ctx.report({
          pointer: p,
          message: `vrrp_instance ${f.name} has no \`interface\`, so its source address ${f.sourceAddress} must not be link-local; keepalived rejects it and stops the check`,
          hint: 'use a global IPv6 source address, or add `interface IFNAME`',
        });
      }
    }
  },
};
