import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';
import { KIND_WORD, trackItems } from './tracking.js';

/** A sync group's weighted tracking while one of its members is an address owner. */
export const syncGroupWeightWithOwner: Rule = {
  meta: {
    id: 'vrrp/sync-group-weight-with-owner',
    severity: 'error',
    description: 'A weighted track entry on a vrrp_sync_group that has a member with priority 255.',
    docs:
      'Track entries on a sync group apply to every member. When a member is the address owner (priority 255, also what `state MASTER` without `priority` gives), weights cannot apply: keepalived reports each weighted entry of the group, sets its weight to 0 (the members go to fault instead), and `keepalived -t` fails.\n\n' +
      '```\nvrrp_sync_group SG_1 {\n    group { VI_1 VI_2 }      ! VI_1 has priority 255\n    track_script {\n        chk weight 0\n    }\n}\n```',
    keepalived: '(SG_1) Cannot have weighted track script \'chk\' with member having priority 255 - clearing weight',
  },
  check(ctx) {
    const facts = new Map(instanceFacts(ctx).map((f) => [f.name, f]));
    const owners = new Map<string, string>();
    for (const f of facts.values()) if (f.syncGroup && f.priority === 255 && !owners.has(f.syncGroup)) owners.set(f.syncGroup, f.name);
    for (const t of trackItems(ctx)) {
      if (t.ownerKind !== 'vrrp_sync_group' || t.missing || t.duplicateOf !== undefined || t.weight === 0) continue;
      const owner = owners.get(t.ownerName);
      if (!owner) continue;
      ctx.report({
        pointer: t.pointer,
        message: `member ${owner} of sync group ${t.ownerName} has priority 255 (address owner), so keepalived sets the weight ${t.weight} of tracked ${KIND_WORD[t.kind]} ${t.name} to 0`,
        hint: 'write `weight 0` (or no weight where the default is 0), or give every member a priority below 255',
      });
    }
  },
};
