import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { familyOf, groupEntryProblem } from './util.js';

/** Group address ranges and prefixes keepalived rejects. */
export const groupEntry: Rule = {
  meta: {
    id: 'ipvs/group-entry',
    severity: 'error',
    description: 'A virtual_server_group address range or prefix keepalived rejects (end not after start, too large, host bits set).',
    docs:
      'A group line may be an address range or an address block:\n\n- `192.0.2.20-30`: the end replaces the last octet (IPv4, decimal 0-255) or the last 16-bit group (IPv6, hex); it must be greater than the start\'s.\n- `192.0.2.20-192.0.2.40`: a complete end address of the same family, not below the start.\n- `192.0.2.0/28`: the prefix must fit the family (1-32 / 1-128) and the address must have no host bits set.\n\nkeepalived reports any other form at its line and skips the entry (a group left empty is removed too); `keepalived -t` fails.\n\n```\nvirtual_server_group G {\n    192.0.2.20-10 80     ! end below start\n    192.0.2.21/30 80     ! host bits set: 192.0.2.20/30\n}\n```',
    keepalived: 'Address range end is not greater than address range start / range end too large / Address mask bits not empty - skipping',
  },
  check(ctx) {
    for (const g of ctx.named('virtual_server_group')) {
      const entries = Array.isArray(g.body) ? (g.body as Obj[]) : [];
      entries.forEach((e, i) => {
        if (!e || typeof e !== 'object' || e.fwmark !== undefined) return;
        // a malformed address is reported by schema validation
        if (!familyOf(e.address)) return;
        const p = groupEntryProblem(e);
        if (!p || p.field === 'address') return;
        ctx.report({
          pointer: `${g.pointer}/${i}`,
          message: `${p.message}; keepalived skips this entry of virtual_server_group ${g.name}`,
          hint: p.field === 'prefix' ? 'use the network address of the block, or a valid prefix length' : 'write the range as START-END with END after START',
        });
      });
    }
  },
};
