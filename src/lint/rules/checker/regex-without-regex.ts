import type { Rule } from '../../rule.js';
import { allCheckers } from '../ipvs/util.js';

const REGEX_OPTS = ['regex_no_match', 'regex_options', 'regex_min_offset', 'regex_max_offset', 'regex_stack'];

/** regex_* settings in a url without `regex`. */
export const regexWithoutRegex: Rule = {
  meta: {
    id: 'checker/regex-without-regex',
    severity: 'warning',
    description: 'A url sets `regex_no_match`, `regex_options`, `regex_*_offset` or `regex_stack` but has no `regex`.',
    docs:
      'These keywords tune the `regex` match of the response body. Without a `regex` in the same url block keepalived only logs "regex parameters specified without regex" and drops them; `keepalived -t` passes. A `regex_no_match` without `regex` usually means the pattern was forgotten, so the check does not test what was intended.\n\n```\nurl {\n    path /health\n    regex_no_match        ! no regex to (not) match\n}\n```',
    keepalived: 'regex parameters specified without regex (log only)',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'HTTP_GET' && c.type !== 'SSL_GET') continue;
      const urls = Array.isArray(c.body.url) ? (c.body.url as Record<string, unknown>[]) : [];
      urls.forEach((u, i) => {
        if (!u || u.regex !== undefined) return;
        const set = REGEX_OPTS.filter((k) => u[k] !== undefined && !(k === 'regex_min_offset' && u[k] === 0));
        if (set.length === 0) return;
        ctx.report({
          pointer: `${c.pointer}/url/${i}/${set[0]}`,
          at: 'keyword',
          message: `${set.map((k) => `\`${k}\``).join(', ')} without \`regex\` in this url; keepalived ignores ${set.length > 1 ? 'them' : 'it'}`,
          hint: 'add the `regex` to match, or remove the regex settings',
        });
      });
    }
  },
};
