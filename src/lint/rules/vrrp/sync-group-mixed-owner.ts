import type { Rule } from '../../rule.js';
import { findStatement } from './facts.js';
import { syncGroupMembers } from './sync-groups.js';

/** A sync group mixing explicit address owners (MASTER, 255) with explicit BACKUP members. */
export const syncGroupMixedOwner: Rule = {
  meta: {
    id: 'vrrp/sync-group-mixed-owner',
    severity: 'error',
    description: 'A vrrp_sync_group whose members mix address owners (`state MASTER`, `priority 255`) and `state BACKUP` instances.',
    docs:
      'Members of a sync group change state together. keepalived starts a group as MASTER only when its members are address owners (written `state MASTER` and `priority 255`); a member written `state BACKUP` after such members contradicts that, keepalived reports that this will not work, and `keepalived -t` fails. Give the members of one group the same role.\n\n' +
      '```\nvrrp_sync_group SG_1 {\n    group {\n        VI_1     ! state MASTER, priority 255\n        VI_2     ! state BACKUP: conflicts\n    }\n}\n```',
    keepalived: "Sync group SG_1 has some member(s) as address owner and some not as address owner. This won't work.",
  },
  check(ctx) {
    const byName = new Map(ctx.instances().map((i) => [i.name, i]));
    const groups = new Map<string, 'INIT' | 'MASTER' | 'BACKUP'>();
    for (const m of syncGroupMembers(ctx)) {
      if (m.outcome !== 'member') continue;
      const inst = byName.get(m.name)!;
      const node = ctx.ref(inst.pointer)?.node;
      const block = node && node.type === 'block' ? node : undefined;
      // keepalived looks at the state and priority as written (before it derives defaults)
      const states = block ? block.body.filter((n) => n.type !== 'comment' && n.keyword === 'state') : [];
      const wantMaster = states.some((s) => s.type !== 'comment' && s.args[0] === 'MASTER');
      const wantBackup = !wantMaster && states.length > 0;
      const prioSt = findStatement(block, 'priority');
      const owner = wantMaster && prioSt?.args[0] !== undefined && /^\+?0*255$/.test(prioSt.args[0]);
      const state = groups.get(m.group) ?? 'INIT';
      if (state === 'MASTER' && wantBackup) {
        ctx.report({
          pointer: m.pointer,
          message: `vrrp_sync_group ${m.group} mixes address owners (state MASTER, priority 255) with ${m.name}, which is \`state BACKUP\`; keepalived says this won't work`,
          hint: 'give all members of a sync group the same role: all address owners, or none',
        });
      }
      if (state !== 'BACKUP') groups.set(m.group, owner ? 'MASTER' : 'BACKUP');
    }
  },
};
