/** How keepalived resolves the `group` lists of vrrp_sync_group blocks (shared by vrrp/ and refs/ rules). */
import type { RuleContext } from '../../context.js';

export interface MemberCheck {
  group: string;
  pointer: string;
  name: string;
  index: number;
  /** accepted, unknown instance, or already in a group (an earlier one, or earlier in this list) */
  outcome: 'member' | 'unknown' | 'taken';
  takenBy?: string;
}

/** Every `group` entry of every sync group, in file order, as keepalived settles it. */
export function syncGroupMembers(ctx: RuleContext): MemberCheck[] {
  const names = new Set(ctx.instances().map((i) => i.name));
  const owner = new Map<string, string>();
  const out: MemberCheck[] = [];
  for (const g of ctx.named('vrrp_sync_group')) {
    const list = (g.body.group as unknown[] | undefined) ?? [];
    list.forEach((m, index) => {
      const name = String(m);
      const pointer = `${g.pointer}/group/${index}`;
      if (!names.has(name)) out.push({ group: g.name, pointer, name, index, outcome: 'unknown' });
      else if (owner.has(name)) out.push({ group: g.name, pointer, name, index, outcome: 'taken', takenBy: owner.get(name)! });
      else {
        owner.set(name, g.name);
        out.push({ group: g.name, pointer, name, index, outcome: 'member' });
      }
    });
  }
  return out;
}
