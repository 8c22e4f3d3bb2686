import type { Rule } from '../../rule.js';
import { virtualServers } from './util.js';

/** `virtual_server group NAME` without a `virtual_server_group NAME`. */
export const groupUndefined: Rule = {
  meta: {
    id: 'ipvs/group-undefined',
    severity: 'warning',
    description: '`virtual_server group NAME` names a virtual_server_group that is not defined.',
    docs:
      'A service keyed by `group NAME` takes its addresses and fwmarks from `virtual_server_group NAME`. When no such group exists, keepalived only logs it and drops the whole virtual server: `keepalived -t` passes, but the service is never created.\n\n```\nvirtual_server_group WEB {\n    192.0.2.10 80\n}\nvirtual_server group WBE {      ! typo: no such group\n    ...\n}\n```\n\nFix the name, or define the group.',
    keepalived: 'Virtual server group NAME specified but not configured - ignoring virtual server (log only)',
  },
  check(ctx) {
    const names = new Set(ctx.named('virtual_server_group').map((g) => g.name));
    for (const vs of virtualServers(ctx)) {
      const g = vs.body.group;
      if (typeof g !== 'string' || names.has(g)) continue;
      ctx.report({
        pointer: `${vs.pointer}/group`,
        message: `virtual_server_group ${g} is not defined; keepalived drops this virtual server`,
        hint: names.size > 0 ? `use one of: ${[...names].join(', ')}` : `define \`virtual_server_group ${g} { ... }\``,
      });
    }
  },
};
