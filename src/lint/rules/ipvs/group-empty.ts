import type { Rule } from '../../rule.js';
import { closeLoc, groupInfo } from './util.js';

/** A virtual_server_group left without any entry keepalived accepts. */
export const groupEmpty: Rule = {
  meta: {
    id: 'ipvs/group-empty',
    severity: 'error',
    description: 'A virtual_server_group with no entry keepalived accepts (empty, or every line rejected).',
    docs:
      'keepalived checks at the closing brace of a `virtual_server_group` that at least one address, range, block or fwmark line was accepted. An empty group — or one whose every line was rejected — is reported and removed, and every `virtual_server group NAME` using it is dropped; `keepalived -t` fails.\n\n```\nvirtual_server_group G {\n    192.0.2.20-10 80      ! rejected: the group is left empty\n}\n```',
    keepalived: 'virtual server group NAME has no entries - removing',
  },
  check(ctx) {
    for (const g of ctx.named('virtual_server_group')) {
      const info = groupInfo(ctx, g.name);
      if (!info || info.valid.length > 0) continue;
      ctx.report({
        loc: closeLoc(ctx, g.pointer),
        message:
          info.entries.length === 0
            ? `virtual_server_group ${g.name} has no entries; keepalived removes it`
            : `keepalived rejects every line of virtual_server_group ${g.name}, so it has no entries and is removed`,
        hint: 'add an address (`IP PORT`, `IP-END PORT`, `IP/PREFIX PORT`) or `fwmark N` line',
      });
    }
  },
};
