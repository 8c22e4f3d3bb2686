import type { Rule } from '../../rule.js';
import { allCheckers, closeLoc } from '../ipvs/util.js';

/** BFD_CHECK without name. */
export const bfdCheckWithoutName: Rule = {
  meta: {
    id: 'checker/bfd-check-without-name',
    severity: 'error',
    description: 'A BFD_CHECK without `name`.',
    docs:
      'A BFD_CHECK follows the bfd_instance named by `name`. Without it keepalived reports the checker at its closing brace and removes it; `keepalived -t` fails.\n\n```\nBFD_CHECK {\n    name B\n}\n```',
    keepalived: 'No name has been specified for BFD_CHECKER - skipping',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'BFD_CHECK' || c.body.name !== undefined) continue;
      ctx.report({ loc: closeLoc(ctx, c.pointer), message: 'BFD_CHECK has no `name`; keepalived removes the checker', hint: 'add `name BFD_INSTANCE`' });
    }
  },
};
