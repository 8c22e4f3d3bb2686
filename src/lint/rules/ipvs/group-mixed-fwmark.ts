import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { closeLoc, groupInfo } from './util.js';

/** A group with IPv4 and IPv6 entries and a fwmark without family. */
export const groupMixedFwmark: Rule = {
  meta: {
    id: 'ipvs/group-mixed-fwmark',
    severity: 'error',
    description: 'A virtual_server_group with IPv4 and IPv6 entries and a fwmark without `inet`/`inet6`.',
    docs:
      'keepalived cannot tell which family a family-less fwmark belongs to when a group mixes IPv4 and IPv6 entries. It reports the group at its closing brace and removes it, so every virtual server using it is dropped too; `keepalived -t` fails.\n\n```\nvirtual_server_group G {\n    192.0.2.20 80\n    2001:db8::20 80\n    fwmark 7            ! add inet or inet6\n}\n```',
    keepalived: 'virtual server group NAME cannot have IPv4, IPv6 and fwmark without family - removing',
  },
  check(ctx) {
    for (const g of ctx.named('virtual_server_group')) {
      const info = groupInfo(ctx, g.name);
      if (!info || !(info.hasIPv4 && info.hasIPv6 && info.fwmarkNoFamily)) continue;
      const lines: number[] = [];
      info.entries.forEach((e: Obj, i) => {
        if (e?.fwmark === undefined || e.family !== undefined || !info.valid.includes(e)) return;
        lines.push(ctx.locate(`${g.pointer}/${i}`).line);
      });
      // keepalived checks it at the end of the group block
      ctx.report({
        loc: closeLoc(ctx, g.pointer),
        message: `virtual_server_group ${g.name} has IPv4 and IPv6 entries and a fwmark without family (line ${lines.join(', ')}); keepalived removes the group`,
        hint: 'add inet or inet6 to the fwmark line: `fwmark N inet`',
      });
    }
  },
};
