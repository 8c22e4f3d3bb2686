import type { Rule } from '../../rule.js';
import { statements, virtualServers } from './util.js';

/** sorry_server_inhibit / sorry_server_lvs_method before (or without) sorry_server. */
export const sorryServerOrder: Rule = {
  meta: {
    id: 'ipvs/sorry-server-order',
    severity: 'error',
    description: '`sorry_server_inhibit` or `sorry_server_lvs_method` before or without `sorry_server`.',
    docs:
      'Both keywords modify the sorry server keepalived has already read. Written before `sorry_server` (or without one) they are reported and ignored; `keepalived -t` fails.\n\n```\nvirtual_server 192.0.2.10 80 {\n    sorry_server_inhibit          ! no sorry server yet\n    sorry_server 192.0.2.99 80\n}\n```\n\nMove them after `sorry_server`.',
    keepalived: 'Ignoring sorry_server inhibit used before or without sorry_server / sorry_server forwarding used without sorry_server',
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      let seen = false;
      const hasSorry = vs.body.sorry_server !== undefined;
      for (const n of statements(ctx, vs.pointer)) {
        if (n.keyword === 'sorry_server') {
          // a sorry server keepalived can read
          if (hasSorry) seen = true;
          continue;
        }
        if (n.keyword !== 'sorry_server_inhibit' && n.keyword !== 'sorry_server_lvs_method') continue;
        if (seen) continue;
        ctx.report({
          loc: n.keywordLoc,
          message: hasSorry
            ? `\`${n.keyword}\` comes before \`sorry_server\`; keepalived reports and ignores it`
            : `\`${n.keyword}\` without a \`sorry_server\`; keepalived reports and ignores it`,
          hint: hasSorry ? 'move it after the sorry_server line' : 'add a sorry_server before it, or remove it',
        });
      }
    }
  },
};
