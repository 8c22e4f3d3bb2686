import type { Rule } from '../../rule.js';
import { addressService, fwmarkService, protocolOf, services, vsName } from './util.js';

/** `protocol` on a service defined only by fwmarks. */
export const fwmarkProtocol: Rule = {
  meta: {
    id: 'ipvs/fwmark-protocol',
    severity: 'error',
    description: '`protocol` on a fwmark virtual server (or a group with only fwmarks).',
    docs:
      'A firewall-mark service matches whatever the firewall marked; IPVS ignores a protocol for it. keepalived reports `protocol` on such a service after reading the configuration (as a "Warning", but `keepalived -t` fails) and drops it.\n\n```\nvirtual_server fwmark 7 {\n    protocol TCP       ! not used with fwmark\n}\n```\n\nRemove `protocol`; select the traffic in the firewall rule that sets the mark.',
    keepalived: 'Warning: Virtual server X: protocol specified for fwmark - protocol will be ignored',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      if (protocolOf(b) === undefined || addressService(s) || !fwmarkService(s)) continue;
      ctx.report({
        pointer: `${s.vs.pointer}/protocol`,
        message: `${vsName(b)} is a fwmark service; keepalived reports \`protocol\` and ignores it`,
        hint: 'remove the protocol line',
      });
    }
  },
};
