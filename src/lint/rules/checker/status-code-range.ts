import type { Rule } from '../../rule.js';
import { allCheckers } from '../ipvs/util.js';

/** status_code ranges written backwards. */
export const statusCodeRange: Rule = {
  meta: {
    id: 'checker/status-code-range',
    severity: 'error',
    description: 'A url `status_code` range whose start is above its end (`299-200`).',
    docs:
      '`status_code` takes codes (`200`) and ranges (`200-299`) of 100-599. keepalived reports a range whose first code is above the second as an invalid status code and ignores that word; `keepalived -t` fails.\n\n```\nurl {\n    path /health\n    status_code 299-200     ! write 200-299\n}\n```',
    keepalived: "Invalid HTTP_GET status code 'X'",
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'HTTP_GET' && c.type !== 'SSL_GET') continue;
      const urls = Array.isArray(c.body.url) ? (c.body.url as Record<string, unknown>[]) : [];
      urls.forEach((u, i) => {
        const codes = Array.isArray(u?.status_code) ? (u.status_code as unknown[]) : [];
        for (const code of codes) {
          const m = /^([1-5]\d\d)-([1-5]\d\d)$/.exec(String(code));
          if (!m || Number(m[1]) <= Number(m[2])) continue;
          ctx.report({
            pointer: `${c.pointer}/url/${i}/status_code`,
            message: `status_code range ${String(code)} runs backwards; keepalived rejects it`,
            hint: `write ${m[2]}-${m[1]}`,
          });
        }
      });
    }
  },
};
