import type { Rule } from '../../rule.js';
import { familyName, settleFamily, virtualServers } from './util.js';

/** `ip_family` contradicting the family the service already has. */
export const ipFamilyConflict: Rule = {
  meta: {
    id: 'ipvs/ip-family-conflict',
    severity: 'error',
    description: '`ip_family` contradicts the address family the virtual server already has.',
    docs:
      'keepalived knows a service\'s family from its address, or from `persistence_granularity` or a non-tunnelled real server read before `ip_family`. An `ip_family` that says otherwise is reported and ignored; `keepalived -t` fails. `ip_family` is only needed for fwmark services whose servers are all tunnelled.\n\n```\nvirtual_server 192.0.2.10 80 {\n    ip_family inet6      ! the address is IPv4\n}\n```',
    keepalived: 'Virtual server specified family X conflicts with server family',
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      for (const e of settleFamily(ctx, vs).events) {
        if (e.kind !== 'ip_family') continue;
        ctx.report({
          pointer: e.pointer,
          message: `ip_family ${e.got} contradicts the ${familyName(e.had)} family this virtual server already has (from ${e.from}); keepalived ignores it`,
          hint: 'remove ip_family (the family comes from the addresses), or fix it',
        });
      }
    }
  },
};
