import type { Rule } from '../../rule.js';
import { syncGroupMembers } from './sync-groups.js';

/** A sync group without (usable) members. */
export const syncGroupEmpty: Rule = {
  meta: {
    id: 'vrrp/sync-group-empty',
    severity: 'error',
    description: 'A vrrp_sync_group with no `group` members, or none keepalived can use.',
    docs:
      'A sync group makes its member instances change state together; it needs a `group { ... }` block naming existing vrrp_instances. keepalived reports a sync group without a `group` block, with an empty one, or whose every entry is unknown or already in another sync group, removes the group, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_sync_group SG_1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n```',
    keepalived: 'Sync group SG_1 has no members - removing / has empty group block / no matching virtual router found in group declaration - removing',
  },
  check(ctx) {
    const members = syncGroupMembers(ctx);
    for (const g of ctx.named('vrrp_sync_group')) {
      const list = g.body.group as unknown[] | undefined;
      if (list === undefined || list.length === 0) {
        const hasBlock = ctx.has(`${g.pointer}/group`);
        ctx.report({
          pointer: hasBlock ? `${g.pointer}/group` : g.pointer,
          at: hasBlock ? 'keyword' : 'value',
          // keepalived reports it at the group's (and the sync group's) closing brace
          toBlockEnd: g.pointer,
          message: hasBlock ? `vrrp_sync_group ${g.name} has an empty \`group\` block; keepalived removes the group` : `vrrp_sync_group ${g.name} has no \`group\` block; keepalived removes the group`,
          hint: 'list the vrrp_instance names that should change state together in `group { ... }`, or remove the sync group',
        });
        continue;
      }
      const mine = members.filter((m) => m.group === g.name);
      if (mine.some((m) => m.outcome === 'member')) continue;
      ctx.report({
        pointer: `${g.pointer}/group`,
        at: 'keyword',
        message: `none of the instances listed in vrrp_sync_group ${g.name} can join it (unknown or already in another sync group); keepalived removes the group`,
        hint: 'list existing vrrp_instance names that are in no other sync group',
      });
    }
  },
};
