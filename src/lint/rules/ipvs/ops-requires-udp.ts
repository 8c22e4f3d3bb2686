import type { Rule } from '../../rule.js';
import { addressService, protocolOf, services, vsName } from './util.js';

/** One-packet scheduling on a TCP or SCTP service. */
export const opsRequiresUdp: Rule = {
  meta: {
    id: 'ipvs/ops-requires-udp',
    severity: 'error',
    description: '`ops` (one-packet scheduling) on a TCP or SCTP virtual server.',
    docs:
      'One-packet scheduling schedules every datagram on its own; it only makes sense for UDP (or fwmark services). On an address service with `protocol TCP` or `SCTP` keepalived reports it after reading the configuration and clears the flag; `keepalived -t` fails.\n\n```\nvirtual_server 192.0.2.10 53 {\n    protocol TCP\n    ops              ! UDP only\n}\n```',
    keepalived: 'Virtual server X: one packet scheduling requires UDP - resetting',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      if (b.ops === undefined || !addressService(s)) continue;
      const proto = protocolOf(b);
      if (proto === undefined || proto === 'UDP') continue;
      ctx.report({
        pointer: `${s.vs.pointer}/ops`,
        at: 'keyword',
        message: `\`ops\` needs a UDP service, but ${vsName(b)} is ${proto}; keepalived clears it`,
        hint: 'remove ops, or use protocol UDP',
      });
    }
  },
};
