import type { Rule } from '../../rule.js';
import { bfdInstances, familyOf } from './instances.js';

const FAMILY = { 4: 'IPv4', 6: 'IPv6' } as const;

/** source_ip and neighbour address of different families. */
export const familyMismatch: Rule = {
  meta: {
    id: 'bfd/family-mismatch',
    severity: 'error',
    description: 'A bfd_instance whose `source_ip` and neighbour address are of different families.',
    docs:
      'A BFD session runs over one address family: its `source_ip` must be of the neighbour\'s family. keepalived checks this when it reaches the end of the bfd_instance block, reports it, disables the instance (every `track_bfd` and `BFD_CHECK` naming it then refers to nothing), and `keepalived -t` fails.\n\n' +
      '```\nbfd_instance gw {\n    neighbor_ip 192.0.2.11\n    source_ip 192.0.2.1      ! IPv4 like the neighbour\n}\n```',
    keepalived: 'Configuration error: BFD instance B source address X and neighbor address Y are not of the same family, disabling instance',
  },
  check(ctx) {
    for (const b of bfdInstances(ctx)) {
      if (b.outcome !== 'family') continue;
      ctx.report({
        pointer: `${b.pointer}/source_ip`,
        at: 'keyword',
        toBlockEnd: b.pointer,
        message: `bfd_instance ${b.name} has an ${FAMILY[familyOf(b.source!)]} \`source_ip\` (${b.source}) but an ${FAMILY[familyOf(b.neighbor!)]} neighbour (${b.neighbor}); keepalived disables the instance`,
        hint: 'use a source address of the neighbour\'s family, or remove `source_ip`',
      });
    }
  },
};
