import type { Rule } from '../../rule.js';
import { bfdInstances, familyOf } from './instances.js';

/** max_hops above the ttl/hoplimit the instance sends with. */
export const maxHops: Rule = {
  meta: {
    id: 'bfd/max-hops',
    severity: 'error',
    description: 'A bfd_instance whose `max_hops` exceeds its `ttl`/`hoplimit`.',
    docs:
      '`max_hops` limits how many hops a received BFD packet may have crossed; it cannot be more than the TTL (IPv4) or hop limit (IPv6) the session uses: `ttl`/`hoplimit` when given, else 255 for an IPv4 and 64 for an IPv6 neighbour. `max_hops -1` counts as 255. keepalived checks this at the end of the block, reports it, lowers `max_hops` to the TTL, and `keepalived -t` fails.\n\n' +
      '```\nbfd_instance gw {\n    neighbor_ip 2001:db8::11\n    max_hops 10        ! at most 64 for IPv6 unless hoplimit is raised\n}\n```',
    keepalived: 'BFD instance B: max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit',
  },
  check(ctx) {
    for (const b of bfdInstances(ctx)) {
      if (b.outcome !== 'kept') continue;
      const p = `${b.pointer}/max_hops`;
      const raw = b.body.max_hops;
      if (typeof raw !== 'number' || ctx.invalid(p)) continue;
      const hops = raw === -1 ? 255 : raw;
      // ttl and hoplimit are one setting: the later line wins; a rejected value leaves the default
      const set = (['ttl', 'hoplimit'] as const)
        .filter((k) => typeof b.body[k] === 'number' && !ctx.invalid(`${b.pointer}/${k}`))
        .sort((x, y) => ctx.locate(`${b.pointer}/${x}`).line - ctx.locate(`${b.pointer}/${y}`).line)
        .at(-1);
      const ttl = set ? (b.body[set] as number) : familyOf(b.neighbor!) === 4 ? 255 : 64;
      if (hops <= ttl) continue;
      ctx.report({
        pointer: p,
        at: 'keyword',
        toBlockEnd: b.pointer,
        message: `bfd_instance ${b.name} allows \`max_hops ${raw}\`${raw === -1 ? ' (255)' : ''}, more than the ${set ? `\`${set} ${ttl}\`` : `default ${familyOf(b.neighbor!) === 4 ? 'TTL' : 'hop limit'} ${ttl}`} it sends with; keepalived lowers it to ${ttl}`,
        hint: `use \`max_hops ${ttl}\` or less, or raise ${set ? `\`${set}\`` : '`ttl`/`hoplimit`'}`,
      });
    }
  },
};
