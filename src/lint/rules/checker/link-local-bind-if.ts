import type { Rule } from '../../rule.js';
import { allCheckers, closeLoc, CONNECTING, familyOf, statements } from '../ipvs/util.js';

function linkLocal(addr: string): boolean {
  return familyOf(addr) === 'inet6' && /^fe[89ab][0-9a-f]?:/i.test(addr.split(/[-/]/)[0]!);
}

/** An IPv6 link-local check destination without bind_if. */
export const linkLocalBindIf: Rule = {
  meta: {
    id: 'checker/link-local-bind-if',
    severity: 'error',
    description: 'A checker connecting to an IPv6 link-local address without `bind_if`.',
    docs:
      'A link-local address (fe80::/10) is only meaningful together with an interface. When a checker\'s destination — `connect_ip`, or the real server\'s address — is link-local and the checker has no `bind_if`, keepalived reports it at the end of the checker block and removes the checker; `keepalived -t` fails.\n\n```\nreal_server fe80::11 80 {\n    TCP_CHECK {\n        bind_if eth0        ! required for a link-local destination\n    }\n}\n```',
    keepalived: 'Checker link local address X requires a bind_if',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (!CONNECTING.has(c.type)) continue;
      if (c.body.bind_if !== undefined) continue;
      // the destination keepalived ends up with: the last connect_ip it accepted, else the real server
      let dst = String(c.rs.body.address);
      for (const n of statements(ctx, c.pointer)) if (n.keyword === 'connect_ip' && familyOf(n.args[0])) dst = n.args[0]!;
      if (!linkLocal(dst)) continue;
      // keepalived checks it at the end of the checker block
      ctx.report({
        loc: closeLoc(ctx, c.pointer),
        message: `${c.type} connects to the link-local address ${dst} but has no bind_if; keepalived removes the checker`,
        hint: 'add `bind_if <interface>` to the checker',
      });
    }
  },
};
