import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';
import { positionOf } from '../vrrp/facts.js';

/** `track_group NAME` on a static address/route/rule naming no track_group defined above. */
export const trackGroupUndefined: Rule = {
  meta: {
    id: 'refs/track-group-undefined',
    severity: 'error',
    description: 'A static address, route or rule whose `track_group` names no track_group defined above it.',
    docs:
      '`track_group NAME` on a `static_ipaddress`, `static_routes` or `static_rules` line ties it to the instances of a `track_group` block. keepalived looks the name up while it reads the line, so the track_group must be defined **above** it; otherwise the name is reported as not found and `keepalived -t` fails.\n\n' +
      '```\ntrack_group TG_1 {\n    group {\n        VI_1\n    }\n}\nstatic_ipaddress {\n    10.0.0.200/24 dev eth0 track_group TG_1\n}\n```',
    keepalived: 'track_group TG_1 not found',
  },
  check(ctx) {
    const groups = new Map<string, number>();
    for (const g of ctx.named('track_group')) {
      const list = g.body.group as unknown[] | undefined;
      // a group without members is dropped at its closing brace (2.2.8+)
      if (ctx.atLeast('2.2.8') && (!list || list.length === 0)) continue;
      groups.set(g.name, positionOf(ctx, g.pointer));
    }
    for (const kw of ['static_ipaddress', 'static_routes', 'static_rules']) {
      const items = (ctx.document[kw] as unknown[] | undefined) ?? [];
      items.forEach((item, i) => {
        let name: string | undefined;
        if (typeof item === 'string') name = /(?:^|\s)track_group\s+(\S+)/.exec(item)?.[1];
        else if (item && typeof item === 'object' && typeof (item as Obj).track_group === 'string') name = (item as Obj).track_group as string;
        if (!name) return;
        const pointer = `/${kw}/${i}`;
        const defined = groups.get(name);
        if (defined !== undefined && defined < positionOf(ctx, pointer)) return;
        ctx.report({
          pointer: typeof item === 'object' && ctx.has(`${pointer}/track_group`) ? `${pointer}/track_group` : pointer,
          message:
            defined === undefined
              ? `track_group ${name} is not defined${ctx.named('track_group').some((g) => g.name === name) ? ' (keepalived removes it: it has no members)' : ''}; keepalived reports it as not found`
              : `track_group ${name} is defined only further down (line ${ctx.locate(`/track_group/${name}`).line}); keepalived looks it up while reading this line and does not find it`,
          hint: defined === undefined ? `define \`track_group ${name} { group { ... } }\` above it, or fix the name` : `move \`track_group ${name}\` above ${kw}`,
        });
      });
    }
  },
};
