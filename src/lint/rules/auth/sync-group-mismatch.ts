import type { Rule } from '../../rule.js';
import { pointerJoin } from '../../../model/build.js';
import { effectiveByName, type Effective } from '../vrrp-strict/effective.js';

/** The authentication keepalived actually uses for an instance. */
export function authInUse(e: Effective): 'none' | 'PASS' | 'AH' {
  if (e.strict || !e.authType || e.version !== 2 || !e.authPass) return 'none';
  if (e.authType === 'AH' && e.family === 'inet6') return 'none';
  return e.authType;
}

const label = (a: string): string => (a === 'none' ? 'no authentication' : `${a} authentication`);

/** Members of one sync group with different authentication. */
export const syncGroupMismatch: Rule = {
  meta: {
    id: 'auth/sync-group-mismatch',
    severity: 'warning',
    description: 'Members of a vrrp_sync_group use different authentication (some none, some PASS or AH).',
    docs:
      'The instances of a sync group change state together, so they normally share one design: when some members authenticate and others do not, one of them is usually a leftover or a copy-paste slip, and the routers on the other side may expect the same setting for every member. keepalived does not compare them. Only the authentication keepalived really uses counts (none in strict mode or with VRRPv3).\n\n```\nvrrp_sync_group G1 {\n    group {\n        VI_1      ! PASS authentication\n        VI_2      ! none\n    }\n}\n```\n\nFix: give every member the same `authentication` setting (or none).',
  },
  check(ctx) {
    const byName = effectiveByName(ctx);
    for (const group of ctx.named('vrrp_sync_group')) {
      const names = group.body.group;
      if (!Array.isArray(names)) continue;
      const members = names
        .map((n, i) => ({ name: String(n), i, e: byName.get(String(n)) }))
        .filter((m): m is { name: string; i: number; e: Effective } => m.e !== undefined);
      if (members.length < 2) continue;
      const first = members[0]!;
      const firstAuth = authInUse(first.e);
      for (const m of members.slice(1)) {
        const a = authInUse(m.e);
        if (a === firstAuth) continue;
        ctx.report({
          pointer: pointerJoin(`${group.pointer}/group`, m.i),
          message: `sync group ${group.name}: ${m.name} uses ${label(a)} but ${first.name} uses ${label(firstAuth)}`,
          hint: 'use the same authentication setting in every member of the sync group',
        });
      }
    }
  },
};
