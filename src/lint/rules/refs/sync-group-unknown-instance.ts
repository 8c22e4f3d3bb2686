import type { Rule } from '../../rule.js';
import { syncGroupMembers } from '../vrrp/sync-groups.js';

/** A sync group naming an instance that does not exist. */
export const syncGroupUnknownInstance: Rule = {
  meta: {
    id: 'refs/sync-group-unknown-instance',
    severity: 'error',
    description: 'A vrrp_sync_group `group` entry that names no vrrp_instance.',
    docs:
      'keepalived resolves the `group` names of a sync group after reading the whole file; a name that is no vrrp_instance is reported and ignored, and `keepalived -t` fails. Names are case-sensitive.\n\n' +
      '```\nvrrp_sync_group SG_1 {\n    group {\n        VI_1\n        VI_2      ! must be a vrrp_instance name\n    }\n}\n```',
    keepalived: 'Virtual router VI_9 specified in sync group SG_1 doesn\'t exist - ignoring',
  },
  check(ctx) {
    for (const m of syncGroupMembers(ctx)) {
      if (m.outcome !== 'unknown') continue;
      ctx.report({
        pointer: m.pointer,
        message: `vrrp_sync_group ${m.group} lists ${m.name}, which is no vrrp_instance; keepalived ignores it`,
        hint: 'use the name of a vrrp_instance (names are case-sensitive)',
      });
    }
  },
};
