import type { Rule } from '../../rule.js';
import { closeLoc, familyName, settleFamily, virtualServers, vsName } from './util.js';

/** A real server of the other address family than the service (not tunnelled). */
export const realServerFamily: Rule = {
  meta: {
    id: 'ipvs/real-server-family',
    severity: 'error',
    description: 'A real server (not TUN) whose address family differs from the virtual server\'s.',
    docs:
      'With NAT or DR forwarding, a real server must have the address family of the service: an IPv6 server cannot serve an IPv4 virtual address. keepalived reports it at the closing brace of the `real_server` block and skips the server (see `ipvs/no-real-servers` when none is left). `keepalived -t` fails. Only tunnelled servers (`lb_kind TUN` / `lvs_method TUN`, set before the real_server or inside it) may differ.\n\nThe service\'s family comes from its address, else from `ip_family`, `persistence_granularity` or the first non-tunnelled real server, in file order.\n\n```\nvirtual_server 192.0.2.10 80 {\n    lb_kind NAT\n    real_server 2001:db8::11 80 { ... }   ! IPv6 server, IPv4 service\n}\n```',
    keepalived: "Address family of virtual server and real server X don't match - skipping real server.",
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      const r = settleFamily(ctx, vs);
      for (const e of r.events) {
        if (e.kind !== 'real_server') continue;
        // keepalived checks it at the end of the real_server block
        ctx.report({
          loc: closeLoc(ctx, e.pointer),
          message: `real_server ${String(vs.reals.find((r) => r.pointer === e.pointer)?.body.address)} is ${familyName(e.got)} but ${vsName(vs.body)} is ${familyName(e.had)} (from ${e.from}); keepalived skips this real server`,
          hint: `use an ${familyName(e.had)} address, or tunnel forwarding (lvs_method TUN) for this server`,
        });
      }
    }
  },
};
