import type { Rule } from '../../rule.js';

/** An interface in two garp_groups. */
export const garpGroupInterfaceTwice: Rule = {
  meta: {
    id: 'refs/garp-group-interface-twice',
    severity: 'error',
    description: 'An interface listed in more than one `garp_group`.',
    docs:
      'Each interface can have one gratuitous-ARP delay setting. keepalived keeps the first `garp_group` that names an interface, reports every later one, and `keepalived -t` fails.\n\n```\ngarp_group {\n    garp_interval 0.001\n    interface eth0\n}\ngarp_group {\n    gna_interval 0.001\n    interfaces {\n        eth1\n        eth0     ! ignored: already in the first group\n    }\n}\n```',
    keepalived: 'garp_group already specified for eth0 - ignoring',
  },
  check(ctx) {
    const groups = (ctx.document.garp_group as unknown[] | undefined) ?? [];
    const seen = new Map<string, number>();
    groups.forEach((g, i) => {
      const b = (g ?? {}) as Record<string, unknown>;
      const entries: [string, string][] = [];
      if (typeof b.interface === 'string') entries.push([b.interface, `/garp_group/${i}/interface`]);
      ((b.interfaces as unknown[] | undefined) ?? []).forEach((n, k) => {
        if (typeof n === 'string') entries.push([n, `/garp_group/${i}/interfaces/${k}`]);
      });
      for (const [name, pointer] of entries) {
        const first = seen.get(name);
        if (first !== undefined) {
          ctx.report({
            pointer,
            message: `${name} is already in ${first === i ? 'this' : 'an earlier'} garp_group (line ${ctx.locate(`/garp_group/${first}`, 'keyword').line}); keepalived ignores it here`,
            hint: 'list each interface in one garp_group only',
          });
        } else seen.set(name, i);
      }
    });
  },
};
