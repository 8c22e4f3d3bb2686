import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';

function norm(a: string): string {
  return a.toLowerCase();
}

/** The same virtual address in two instances. */
export const duplicateVip: Rule = {
  meta: {
    id: 'refs/duplicate-vip',
    severity: 'warning',
    description: 'The same address in the virtual addresses of two vrrp_instances.',
    docs:
      'keepalived does not compare the addresses of different instances. When two instances carry the same address, whichever becomes MASTER adds it and whichever leaves MASTER removes it, also while the other is still MASTER: the address disappears although an instance that owns it is MASTER. Give each address to one instance (use a sync group if several instances must move together).\n\n```\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\nvrrp_instance VI_2 {\n    virtual_ipaddress {\n        10.0.0.100/24     ! also in VI_1\n    }\n}\n```',
  },
  check(ctx) {
    const seen = new Map<string, { inst: string; pointer: string }>();
    for (const inst of ctx.instances()) {
      const mine = new Set<string>();
      for (const list of ['virtual_ipaddress', 'virtual_ipaddress_excluded']) {
        const items = (inst.body[list] as Obj[] | undefined) ?? [];
        items.forEach((v, i) => {
          if (!v || typeof v !== 'object' || typeof v.address !== 'string') return;
          const key = norm(v.address);
          const pointer = `${inst.pointer}/${list}/${i}`;
          const first = seen.get(key);
          if (first && first.inst !== inst.name && !mine.has(key)) {
            ctx.report({
              pointer,
              message: `${v.address} is also a virtual address of vrrp_instance ${first.inst} (line ${ctx.locate(first.pointer).line}); the instances will add and remove it under each other`,
              hint: 'give the address to one instance only',
            });
          }
          mine.add(key);
          if (!first) seen.set(key, { inst: inst.name, pointer });
        });
      }
    }
  },
};
