import type { Rule } from '../../rule.js';
import { allCheckers, closeLoc } from '../ipvs/util.js';

/** MISC_CHECK without misc_path. */
export const miscWithoutPath: Rule = {
  meta: {
    id: 'checker/misc-without-path',
    severity: 'error',
    description: 'A MISC_CHECK without `misc_path`.',
    docs:
      'A MISC_CHECK runs the program given by `misc_path`. Without it keepalived reports the checker at its closing brace and removes it; `keepalived -t` fails.\n\n```\nMISC_CHECK {\n    misc_path "/usr/local/bin/check_app --port 8080"\n}\n```',
    keepalived: 'No script path has been specified for MISC_CHECKER - skipping',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'MISC_CHECK' || typeof c.body.misc_path === 'string') continue;
      ctx.report({ loc: closeLoc(ctx, c.pointer), message: 'MISC_CHECK has no `misc_path`; keepalived removes the checker', hint: 'add `misc_path "PROGRAM ARGS"`' });
    }
  },
};
