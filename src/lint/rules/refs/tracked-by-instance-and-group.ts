import type { Rule } from '../../rule.js';
import { instanceFacts } from '../vrrp/facts.js';
import { KIND_WORD, trackItems } from '../vrrp/tracking.js';

/** An object tracked both by a sync group and by one of its members. */
export const trackedByInstanceAndGroup: Rule = {
  meta: {
    id: 'refs/tracked-by-instance-and-group',
    severity: 'error',
    description: 'An object tracked both by a vrrp_sync_group and by one of its member instances.',
    docs:
      'Track entries of a sync group apply to all its members; tracking the same object on a member as well is redundant, and the two weights compete (keepalived keeps the group\'s unless the member\'s entry is unweighted). For interfaces keepalived reports it and `keepalived -t` fails; this includes a group `track_interface` naming a member\'s own `interface` (tracked anyway unless `dont_track_primary`). For scripts, files, processes and BFD instances keepalived only logs it. Keep the entry in one place.\n\n' +
      '```\nvrrp_sync_group SG_1 {\n    group { VI_1 VI_2 }\n    track_interface {\n        eth2          ! not also in VI_1\'s track_interface\n    }\n}\n```',
    keepalived: '(VI_1) track_interface eth2 is configured on VRRP instance and sync group. Remove vrrp instance or sync group config',
  },
  check(ctx) {
    const facts = instanceFacts(ctx);
    const items = trackItems(ctx).filter((t) => !t.missing && t.duplicateOf === undefined);
    for (const g of items.filter((t) => t.ownerKind === 'vrrp_sync_group')) {
      for (const f of facts.filter((x) => x.syncGroup === g.ownerName)) {
        const own = g.kind === 'track_interface' && g.name === f.interface && f.body.dont_track_primary === undefined;
        const mine = items.find((t) => t.owner === f.pointer && t.kind === g.kind && t.name === g.name && !(t.kind === 'track_interface' && t.name === f.interface));
        if (!own && !mine) continue;
        const isIf = g.kind === 'track_interface';
        ctx.report({
          pointer: g.pointer,
          severity: isIf ? 'error' : 'warning',
          message: own
            ? `${g.name} is the own interface of member ${f.name}, which tracks it already; keepalived reports it tracked by both the instance and sync group ${g.ownerName}`
            : `${KIND_WORD[g.kind]} ${g.name} is tracked by sync group ${g.ownerName} and by its member ${f.name} (line ${ctx.locate(mine!.pointer).line}); ${isIf ? 'keepalived reports it' : 'keepalived logs it'}; the group's weight applies unless the instance's entry has none`,
          hint: own ? `remove ${g.name} from the sync group's track_interface (or set \`dont_track_primary\` on ${f.name})` : `keep the entry either in the sync group or in ${f.name}`,
        });
      }
    }
  },
};
