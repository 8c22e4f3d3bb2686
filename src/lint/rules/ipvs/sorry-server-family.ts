import type { Rule } from '../../rule.js';
import { closeLoc, familyName, settleFamily, virtualServers, vsName } from './util.js';

/** A sorry server of the other address family than the service (not tunnelled). */
export const sorryServerFamily: Rule = {
  meta: {
    id: 'ipvs/sorry-server-family',
    severity: 'error',
    description: 'A sorry_server (not TUN) whose address family differs from the virtual server\'s.',
    docs:
      'Like real servers, a sorry server forwarded by NAT or DR must have the service\'s address family. keepalived reports it at the closing brace of the virtual_server block and drops the sorry server; `keepalived -t` fails. A tunnelled sorry server (`sorry_server_lvs_method TUN`) may differ.\n\n```\nvirtual_server 192.0.2.10 80 {\n    sorry_server 2001:db8::99 80     ! IPv6 sorry server, IPv4 service\n    ...\n}\n```',
    keepalived: "Address family of virtual server and sorry server X don't match - skipping sorry server.",
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      const r = settleFamily(ctx, vs);
      // 2.3.2 drops a service without real servers before it looks at the sorry server
      if (r.kept.length === 0 && ctx.atLeast('2.2.8')) continue;
      for (const e of r.events) {
        if (e.kind !== 'sorry_server') continue;
        // keepalived checks it at the end of the virtual_server block
        ctx.report({
          loc: closeLoc(ctx, vs.pointer),
          message: `sorry_server is ${familyName(e.got)} but ${vsName(vs.body)} is ${familyName(e.had)} (from ${e.from}); keepalived drops the sorry server`,
          hint: `use an ${familyName(e.had)} address, or \`sorry_server_lvs_method TUN\``,
        });
      }
    }
  },
};
