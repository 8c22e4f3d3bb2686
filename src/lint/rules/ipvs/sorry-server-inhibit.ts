import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { lineOf, serverKey, serverName, services, statements, vsName } from './util.js';

/** A real server that is also the sorry server, with a different inhibit_on_failure. */
export const sorryServerInhibit: Rule = {
  meta: {
    id: 'ipvs/sorry-server-inhibit',
    severity: 'error',
    description: 'A real server equal to the sorry server with a different inhibit_on_failure setting.',
    docs:
      'When the sorry server is also one of the real servers, IPVS has a single destination for both, so their "inhibit on failure" behaviour must agree. keepalived compares the real server\'s `inhibit_on_failure` (its own, else the virtual server\'s) with `sorry_server_inhibit`; when they differ it reports it after reading the configuration and copies the real server\'s setting to the sorry server; `keepalived -t` fails.\n\n```\nvirtual_server 192.0.2.10 80 {\n    sorry_server 192.0.2.11 80\n    real_server 192.0.2.11 80 {\n        inhibit_on_failure     ! add sorry_server_inhibit too\n    }\n}\n```',
    keepalived: 'Virtual server X: real server Y matches sorry server, but inhibit setting differs',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      const sorry = b.sorry_server as Obj | undefined;
      if (!sorry || !s.fam.sorryKept) continue;
      const sorryLine = lineOf(ctx, `${s.vs.pointer}/sorry_server`);
      const sorryInhibit = statements(ctx, s.vs.pointer).some((n) => n.keyword === 'sorry_server_inhibit' && n.keywordLoc.line > sorryLine);
      const vsInhibit = b.inhibit_on_failure !== undefined;
      for (const rs of s.reals) {
        if (serverKey(rs.body) !== serverKey(sorry)) continue;
        const own = rs.body.inhibit_on_failure;
        const inhibit = typeof own === 'boolean' ? own : vsInhibit;
        if (inhibit === sorryInhibit) continue;
        ctx.report({
          pointer: `${s.vs.pointer}/sorry_server`,
          message: `sorry_server ${serverName(sorry)} is also real_server ${serverName(rs.body)} of ${vsName(b)}, which ${inhibit ? 'inhibits' : 'does not inhibit'} on failure, but the sorry server ${sorryInhibit ? 'does' : 'does not'}; keepalived ${inhibit ? 'sets' : 'clears'} sorry_server_inhibit`,
          hint: inhibit ? 'add `sorry_server_inhibit` after sorry_server' : 'remove `sorry_server_inhibit`, or set inhibit_on_failure on the real server',
        });
      }
    }
  },
};
