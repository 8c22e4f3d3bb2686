import type { Rule } from '../../rule.js';
import { syncGroupMembers } from '../vrrp/sync-groups.js';

/** An instance listed in more than one sync group (or twice in one). */
export const instanceInTwoSyncGroups: Rule = {
  meta: {
    id: 'refs/instance-in-two-sync-groups',
    severity: 'error',
    description: 'A vrrp_instance listed in two sync groups, or twice in one.',
    docs:
      'An instance belongs to at most one sync group. keepalived takes the first listing (in file order) and reports every further one, which it ignores; `keepalived -t` fails. The group that loses the instance may then be left with one member or none.\n\n```\nvrrp_sync_group SG_1 {\n    group { VI_1 VI_2 }\n}\nvrrp_sync_group SG_2 {\n    group { VI_3 VI_1 }    ! VI_1 stays in SG_1; SG_2 is left with VI_3 alone\n}\n```',
    keepalived: 'Virtual router VI_1 cannot exist in more than one sync group; ignoring SG_2',
  },
  check(ctx) {
    for (const m of syncGroupMembers(ctx)) {
      if (m.outcome !== 'taken') continue;
      ctx.report({
        pointer: m.pointer,
        message: m.takenBy === m.group ? `${m.name} is already listed in vrrp_sync_group ${m.group}; keepalived ignores this entry` : `${m.name} is already a member of vrrp_sync_group ${m.takenBy}; keepalived ignores it in ${m.group}`,
        hint: 'list each instance in one sync group only',
      });
    }
  },
};
