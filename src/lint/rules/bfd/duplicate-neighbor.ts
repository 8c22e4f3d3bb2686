import type { Rule } from '../../rule.js';
import { bfdInstances } from './instances.js';

/** Two bfd_instances for the same neighbour. */
export const duplicateNeighbor: Rule = {
  meta: {
    id: 'bfd/duplicate-neighbor',
    severity: 'error',
    description: 'Two bfd_instances with the same neighbour (and source address).',
    docs:
      'keepalived runs one BFD session per neighbour address (and source address, when both instances give one; from keepalived 2.2.8 a multihop and a single-hop session are also told apart). When a bfd_instance repeats the neighbour of an earlier one, keepalived reports it at the end of the block, ignores the later instance, and `keepalived -t` fails. Track the one instance from everywhere instead.\n\n' +
      '```\nbfd_instance gw {\n    neighbor_ip 192.0.2.11\n}\n! a second bfd_instance for 192.0.2.11 is ignored\n```',
    keepalived: 'Configuration error: BFD instance B2 has duplicate neighbor address X, ignoring instance',
  },
  check(ctx) {
    for (const b of bfdInstances(ctx)) {
      if (b.outcome !== 'duplicate') continue;
      ctx.report({
        pointer: `${b.pointer}/${b.neighborKeyword!}`,
        at: 'keyword',
        toBlockEnd: b.pointer,
        message: `bfd_instance ${b.name} repeats the neighbour ${b.neighbor} of bfd_instance ${b.duplicateOf!}; keepalived ignores ${b.name}`,
        hint: `remove bfd_instance ${b.name} and track ${b.duplicateOf!} instead, or give the two sessions different source addresses`,
      });
    }
  },
};
