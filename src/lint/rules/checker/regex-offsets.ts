import type { Rule } from '../../rule.js';
import { allCheckers } from '../ipvs/util.js';

/** regex_min_offset above regex_max_offset. */
export const regexOffsets: Rule = {
  meta: {
    id: 'checker/regex-offsets',
    severity: 'warning',
    description: 'A url\'s `regex_min_offset` is above its `regex_max_offset`.',
    docs:
      'The regex must match between `regex_min_offset` and `regex_max_offset` of the body. With the minimum above the maximum keepalived only logs it and drops both offsets, so the regex is matched anywhere; `keepalived -t` passes.\n\n```\nurl {\n    path /\n    regex "ok"\n    regex_min_offset 100\n    regex_max_offset 10\n}\n```',
    keepalived: 'regex min offset X > regex_max_offset Y - ignoring (log only)',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'HTTP_GET' && c.type !== 'SSL_GET') continue;
      const urls = Array.isArray(c.body.url) ? (c.body.url as Record<string, unknown>[]) : [];
      urls.forEach((u, i) => {
        if (!u || u.regex === undefined) return;
        const min = u.regex_min_offset;
        const max = u.regex_max_offset;
        if (typeof min !== 'number' || typeof max !== 'number' || min <= max) return;
        ctx.report({
          pointer: `${c.pointer}/url/${i}/regex_min_offset`,
          message: `regex_min_offset ${min} is above regex_max_offset ${max}; keepalived drops both offsets`,
          hint: 'swap or fix the offsets',
        });
      });
    }
  },
};
