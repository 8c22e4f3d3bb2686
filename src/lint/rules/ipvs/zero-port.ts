import type { Rule } from '../../rule.js';
import { persistent, portOf, services, vsName } from './util.js';

/** An address service without a port that is not persistent. */
export const zeroPort: Rule = {
  meta: {
    id: 'ipvs/zero-port',
    severity: 'error',
    description: 'A virtual server (or group address) without a port, on a service that is not persistent.',
    docs:
      'A virtual address without a port (or with port 0) forwards every port, which IPVS only supports for persistent services. keepalived reports it after reading the configuration and makes the service persistent (360 s); `keepalived -t` fails. The same holds for a `virtual_server group` whose group has an address line without port.\n\n```\nvirtual_server 192.0.2.10 {          ! no port\n    protocol TCP\n    ...\n}\n```\n\nAdd the port, or make the service persistent with `persistence_timeout`.',
    keepalived: 'Virtual server X: zero port only valid for persistent services - setting',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      if (persistent(b)) continue;
      if (s.group) {
        const noPort = s.group.addresses.filter((e) => portOf(e) === 0);
        if (noPort.length === 0) continue;
        ctx.report({
          pointer: `${s.vs.pointer}/group`,
          message: `virtual_server_group ${s.group.name} has ${noPort.map((e) => String(e.address)).join(', ')} without a port, and this service is not persistent; keepalived makes it persistent`,
          hint: 'give every group address a port, or set persistence_timeout',
        });
        continue;
      }
      if (b.fwmark !== undefined || portOf(b) !== 0) continue;
      ctx.report({
        pointer: `${s.vs.pointer}/${b.port !== undefined ? 'port' : 'address'}`,
        message: `${vsName(b)} has no port and is not persistent; keepalived reports it and makes it persistent`,
        hint: 'add the port, or set persistence_timeout',
      });
    }
  },
};
