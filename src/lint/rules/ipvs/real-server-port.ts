import type { Rule } from '../../rule.js';
import { portOf, rsFinalMethod, serverName, services, vsName } from './util.js';

/** A DR/TUN real server whose port differs from the service's (or has one on a fwmark service). */
export const realServerPort: Rule = {
  meta: {
    id: 'ipvs/real-server-port',
    severity: 'error',
    description: 'A DR or TUN real server with a port different from the virtual server\'s (or any port on a fwmark service).',
    docs:
      'Only NAT rewrites the destination port. With direct routing (DR) or tunnelling (TUN) the packet reaches the real server on the port the client used, so a real server port that differs from the service port — or any port on a fwmark service — cannot work. keepalived reports it after reading the configuration (and resets or clears the port); `keepalived -t` fails. For `virtual_server group`, each address line\'s port is compared.\n\n```\nvirtual_server 192.0.2.10 80 {\n    lb_kind DR\n    real_server 192.0.2.11 8080 { ... }   ! DR: must be 80 (or omitted)\n}\n```\n\nUse the service port (or leave the port out), or switch to NAT if the servers listen on another port.',
    keepalived: "WARNING - virtual server X and real server Y ports don't match - resetting / fwmark virtual server X, real server Y has port specified",
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      for (const rs of s.reals) {
        const method = rsFinalMethod(ctx, s.vs, rs);
        const port = portOf(rs.body);
        if (method === 'NAT' || port === 0) continue;
        let problem: string | undefined;
        if (s.group) {
          const parts: string[] = [];
          if (s.group.fwmarks.length > 0) parts.push(`virtual_server_group ${s.group.name} has fwmarks, where keepalived ignores real server ports`);
          const other = s.group.addresses.filter((e) => portOf(e) !== port);
          if (other.length > 0) parts.push(`its port ${port} differs from group line${other.length > 1 ? 's' : ''} ${other.map((e) => `${String(e.address)}${e.range_end !== undefined ? `-${String(e.range_end)}` : e.prefix !== undefined ? `/${String(e.prefix)}` : ''} ${portOf(e) || '(no port)'}`).join(', ')}`);
          if (parts.length > 0) problem = parts.join('; ');
        } else if (b.fwmark !== undefined) problem = `${vsName(b)} is a fwmark service, where a ${method} real server cannot have a port; keepalived clears it`;
        else if (port !== portOf(b)) problem = `port ${port} differs from the port ${portOf(b)} of ${vsName(b)}; with ${method} forwarding keepalived resets it to ${portOf(b)}`;
        if (!problem) continue;
        ctx.report({
          pointer: rs.pointer,
          message: `real_server ${serverName(rs.body)} (${method}): ${problem}`,
          hint: b.fwmark !== undefined || s.group?.fwmarks.length ? 'remove the port from the real_server line' : 'use the service port (or no port), or NAT forwarding',
        });
      }
    }
  },
};
