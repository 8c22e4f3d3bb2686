import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { portOf, services, sorryFinalMethod, vsName } from './util.js';

/** A DR/TUN sorry server whose port differs from the service's (or has one on a fwmark service). */
export const sorryServerPort: Rule = {
  meta: {
    id: 'ipvs/sorry-server-port',
    severity: 'error',
    description: 'A DR or TUN sorry_server with a port different from the virtual server\'s (or any port on a fwmark service).',
    docs:
      'As for real servers, only NAT can send traffic to another port. keepalived reports a DR/TUN sorry server whose port differs from the service port, or that has a port on a fwmark service, after reading the configuration; `keepalived -t` fails.\n\n```\nvirtual_server 192.0.2.10 80 {\n    lb_kind DR\n    sorry_server 192.0.2.99 8080     ! DR: must be 80 (or omitted)\n}\n```',
    keepalived: "WARNING - virtual server X and sorry server ports don't match - resetting / sorry server has port specified",
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      const sorry = b.sorry_server as Obj | undefined;
      if (!sorry || !s.fam.sorryKept) continue;
      const method = sorryFinalMethod(ctx, s.vs);
      const port = portOf(sorry);
      if (method === 'NAT' || port === 0) continue;
      let problem: string | undefined;
      if (s.group) {
        if (s.group.fwmarks.length > 0) problem = `virtual_server_group ${s.group.name} has fwmarks, where keepalived ignores the sorry server port`;
        else if (s.group.addresses.some((e) => portOf(e) !== port)) problem = `port ${port} differs from the ports of virtual_server_group ${s.group.name}`;
      } else if (b.fwmark !== undefined) problem = `${vsName(b)} is a fwmark service, where a ${method} sorry server cannot have a port; keepalived clears it`;
      else if (port !== portOf(b)) problem = `port ${port} differs from the port ${portOf(b)} of ${vsName(b)}; with ${method} forwarding keepalived resets it`;
      if (!problem) continue;
      ctx.report({
        pointer: `${s.vs.pointer}/sorry_server`,
        message: `sorry_server (${method}): ${problem}`,
        hint: 'use the service port (or no port), or NAT forwarding for the sorry server',
      });
    }
  },
};
