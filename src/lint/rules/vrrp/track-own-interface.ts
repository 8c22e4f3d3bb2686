import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** track_interface naming the instance's own interface. */
export const trackOwnInterface: Rule = {
  meta: {
    id: 'vrrp/track-own-interface',
    severity: 'error',
    description: '`track_interface` lists the instance\'s own `interface`.',
    docs:
      'An instance always tracks its own interface (unless `dont_track_primary`): when it goes down the instance goes to fault. Listing it again in `track_interface` is reported, the entry is ignored (its weight too), and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    interface eth0\n    track_interface {\n        eth1          ! other interfaces only\n    }\n}\n```',
    keepalived: '(VI_1) Ignoring track_interface eth0 since own interface',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (!f.interface) continue;
      const list = (f.body.track_interface as { name?: unknown }[] | undefined) ?? [];
      list.forEach((item, i) => {
        if (item?.name !== f.interface) return;
        ctx.report({
          pointer: `${f.pointer}/track_interface/${i}`,
          message: `${f.interface} is the own interface of vrrp_instance ${f.name}, which keepalived tracks anyway; it ignores this entry`,
          hint: 'remove the entry (a weight cannot be given to the own interface)',
        });
      });
    }
  },
};
