import type { Rule } from '../../rule.js';
import { syncGroupMembers } from './sync-groups.js';

/** A sync group that ends up with exactly one instance. */
export const syncGroupSingleMember: Rule = {
  meta: {
    id: 'vrrp/sync-group-single-member',
    severity: 'error',
    description: 'A vrrp_sync_group with only one member instance.',
    docs:
      'A sync group exists to keep several instances in the same state; with a single member it does nothing but add the sync-group rules (tracking weights are ignored unless `sync_group_tracking_weight`). keepalived reports it as probably not what you want, and although it runs the group, `keepalived -t` fails. Entries that are unknown or already in another sync group do not count.\n\n' +
      '```\nvrrp_sync_group SG_1 {\n    group {\n        VI_1\n        VI_2     ! a second instance, or drop the sync group\n    }\n}\n```',
    keepalived: "Sync group SG_1 has only 1 virtual router(s) - this probably isn't what you want",
  },
  check(ctx) {
    const members = syncGroupMembers(ctx);
    for (const g of ctx.named('vrrp_sync_group')) {
      const ok = members.filter((m) => m.group === g.name && m.outcome === 'member');
      if (ok.length !== 1) continue;
      ctx.report({
        pointer: `${g.pointer}/group`,
        at: 'keyword',
        message: `vrrp_sync_group ${g.name} has only one member (${ok[0]!.name}); keepalived reports it as probably not what you want`,
        hint: 'add the other instances that must change state together, or remove the sync group',
      });
    }
  },
};
