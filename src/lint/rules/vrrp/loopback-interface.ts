import type { Rule } from '../../rule.js';

/** `interface lo`: keepalived refuses the loopback interface for VRRP. */
export const loopbackInterface: Rule = {
  meta: {
    id: 'vrrp/loopback-interface',
    severity: 'error',
    description: 'A vrrp_instance whose `interface` is the loopback interface `lo`.',
    docs:
      'VRRP adverts must reach the other routers, so they cannot be sent on the loopback interface. keepalived reports `interface lo`, ignores it, and then treats the instance as one without an interface (which it rejects unless it is a unicast instance with a source address), so `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    interface eth0          ! not lo\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n```',
    keepalived: '(VI_1) cannot use a loopback interface (lo) for vrrp - ignoring',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      if (inst.body.interface !== 'lo') continue;
      ctx.report({
        pointer: `${inst.pointer}/interface`,
        message: `vrrp_instance ${inst.name} uses the loopback interface \`lo\`; keepalived cannot send adverts there, ignores the setting and then has no interface for the instance`,
        hint: 'use the interface that connects to the other VRRP routers',
      });
    }
  },
};
