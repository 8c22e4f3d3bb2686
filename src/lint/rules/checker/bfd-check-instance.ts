import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { allCheckers, readingPosition, serverName } from '../ipvs/util.js';

/** BFD_CHECK naming a bfd_instance the checker process does not have. */
export const bfdCheckInstance: Rule = {
  meta: {
    id: 'checker/bfd-check-instance',
    severity: 'error',
    description: 'BFD_CHECK names a bfd_instance that is not defined above it, is reserved for VRRP, or is already checked by the same real server.',
    docs:
      'A BFD_CHECK follows the session of a top-level `bfd_instance NAME`. keepalived looks the name up while it reads the checker; it reports the checker and removes it when no such instance is defined **above** it, when the instance is limited to the VRRP process (`vrrp` without `checker` — the checker process never sees it), or when another BFD_CHECK of the same real server already follows that instance; `keepalived -t` fails.\n\n```\nbfd_instance B {\n    neighbor_ip 192.0.2.11\n    vrrp                    ! only the VRRP process uses it: add `checker`\n}\n...\n    BFD_CHECK {\n        name B\n    }\n```',
    keepalived: 'BFD_CHECK - BFD NAME not configured / RS already monitoring NAME',
  },
  check(ctx) {
    const bfds = new Map(ctx.named('bfd_instance').map((e) => [e.name, { body: e.body as Obj, pos: readingPosition(ctx, e.pointer), line: ctx.locate(e.pointer, 'keyword').line }]));
    const seen = new Map<string, Set<string>>();
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'BFD_CHECK') continue;
      const name = c.body.name;
      if (typeof name !== 'string' || name.length > 31) continue;
      const d = bfds.get(name);
      const b = d?.body;
      let problem: string | undefined;
      let hint = 'name a bfd_instance the checker process uses';
      if (!b) {
        problem = `bfd_instance ${name} is not defined`;
        hint = bfds.size > 0 ? `use one of: ${[...bfds.keys()].join(', ')}` : `define \`bfd_instance ${name} { neighbor_ip ... }\``;
      } else if (d!.pos > readingPosition(ctx, `${c.pointer}/name`)) {
        problem = `bfd_instance ${name} is defined only further down (line ${d!.line}); keepalived looks it up while reading this checker and does not find it`;
        hint = `move \`bfd_instance ${name}\` above the virtual_server`;
      } else if (b.vrrp !== undefined && b.checker === undefined) {
        problem = `bfd_instance ${name} is limited to the VRRP process (\`vrrp\` without \`checker\`), so the checker process does not know it`;
        hint = `add \`checker\` to bfd_instance ${name}`;
      } else {
        const set = seen.get(c.rs.pointer) ?? new Set<string>();
        seen.set(c.rs.pointer, set);
        if (set.has(name)) problem = `real_server ${serverName(c.rs.body)} already has a BFD_CHECK for ${name}`;
        set.add(name);
        hint = 'remove the second BFD_CHECK';
      }
      if (!problem) continue;
      ctx.report({ pointer: `${c.pointer}/name`, message: `${problem}; keepalived removes this BFD_CHECK`, hint });
    }
  },
};
