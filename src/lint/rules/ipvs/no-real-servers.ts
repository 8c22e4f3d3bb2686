import type { Rule } from '../../rule.js';
import { closeLoc, groupInfo, readableKey, settleFamily, virtualServers, vsName } from './util.js';

/** A virtual server left without real servers. */
export const noRealServers: Rule = {
  meta: {
    id: 'ipvs/no-real-servers',
    severity: 'error',
    description: 'A virtual server without any real server keepalived keeps (none written, or all rejected).',
    docs:
      'A virtual server needs at least one real server. keepalived drops real servers whose address or port it cannot read and non-tunnelled ones of the wrong address family; a virtual server left without any is reported and ignored, and `keepalived -t` fails. keepalived 2.3.2 reports it at the closing brace of the virtual_server block, 2.2.7 after reading the whole configuration (without a line).\n\n```\nvirtual_server 192.0.2.10 80 {\n    protocol TCP\n    lb_algo rr\n    lb_kind NAT\n    real_server 2001:db8::11 80 { ... }    ! wrong family: skipped, nothing left\n}\n```',
    keepalived: 'Virtual server X has no real servers - ignoring',
  },
  check(ctx) {
    const late = !ctx.atLeast('2.2.8');
    for (const vs of virtualServers(ctx)) {
      if (!readableKey(vs.body)) continue;
      const r = settleFamily(ctx, vs);
      if (r.kept.length > 0) continue;
      if (late && typeof vs.body.group === 'string') {
        // 2.2.7 checks this only for services that survived linking to their group
        const g = groupInfo(ctx, vs.body.group);
        if (!g || g.removed) continue;
      }
      const none = vs.reals.length === 0;
      ctx.report({
        loc: late ? ctx.locate(vs.pointer, 'keyword') : closeLoc(ctx, vs.pointer),
        message: `${vsName(vs.body)} has no ${none ? '' : 'usable '}real server${none ? '' : ' (keepalived rejected every one)'}; keepalived ignores the virtual server`,
        hint: none ? 'add a `real_server IP PORT { ... }` block' : 'fix the real servers reported above',
      });
    }
  },
};
