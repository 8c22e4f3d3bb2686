import type { Rule } from '../../rule.js';
import { addressService, services, vsName } from './util.js';

/** An address service without `protocol`. */
export const protocolMissing: Rule = {
  meta: {
    id: 'ipvs/protocol-missing',
    severity: 'error',
    description: 'A virtual server with addresses (not only fwmarks) and no `protocol`.',
    docs:
      'A service defined by address and port must say which transport it balances. Without `protocol`, keepalived reports it after reading the configuration and uses UDP; `keepalived -t` fails. This applies to `virtual_server IP PORT` and to `virtual_server group NAME` when the group has address lines.\n\n```\nvirtual_server 192.0.2.10 80 {\n    protocol TCP      ! required\n}\n```',
    keepalived: 'Virtual server X: no protocol set - defaulting to UDP',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      if (b.protocol !== undefined || !addressService(s)) continue;
      ctx.report({
        pointer: s.vs.pointer,
        message: `${vsName(b)} has no \`protocol\`; keepalived reports it and balances UDP`,
        hint: 'add `protocol TCP` (or UDP, SCTP)',
      });
    }
  },
};
