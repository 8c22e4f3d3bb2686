import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';

/** The same virtual address twice in one instance. */
export const duplicateVipInInstance: Rule = {
  meta: {
    id: 'refs/duplicate-vip-in-instance',
    severity: 'warning',
    description: 'The same address twice in one instance\'s virtual_ipaddress / virtual_ipaddress_excluded.',
    docs:
      'keepalived does not check for repeated addresses: both entries are kept, the second add fails when the instance becomes MASTER (the address exists already) and the first removal already deletes it. A repeated address counts twice towards the advert\'s address list. Remove the duplicate (repeated `virtual_ipaddress` blocks are merged, so this also finds an address written in two blocks).\n\n```\nvirtual_ipaddress {\n    10.0.0.100/24\n    10.0.0.100/24     ! remove\n}\n```',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      const seen = new Map<string, string>();
      for (const list of ['virtual_ipaddress', 'virtual_ipaddress_excluded']) {
        const items = (inst.body[list] as Obj[] | undefined) ?? [];
        items.forEach((v, i) => {
          if (!v || typeof v !== 'object' || typeof v.address !== 'string') return;
          const key = `${v.address.toLowerCase()}%${typeof v.dev === 'string' ? v.dev : ''}`;
          const pointer = `${inst.pointer}/${list}/${i}`;
          const first = seen.get(key);
          if (first) {
            ctx.report({
              pointer,
              message: `${v.address}${typeof v.dev === 'string' ? ` dev ${v.dev}` : ''} is already a virtual address of vrrp_instance ${inst.name} (line ${ctx.locate(first).line})`,
              hint: 'remove the duplicate',
            });
          } else seen.set(key, pointer);
        });
      }
    }
  },
};
