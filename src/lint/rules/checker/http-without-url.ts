import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { allCheckers, closeLoc } from '../ipvs/util.js';

/** HTTP_GET/SSL_GET without a usable url. */
export const httpWithoutUrl: Rule = {
  meta: {
    id: 'checker/http-without-url',
    severity: 'error',
    description: 'An HTTP_GET or SSL_GET checker without any url (with a path).',
    docs:
      'HTTP_GET and SSL_GET request the paths of their `url` blocks; a url without `path` does not count. keepalived reports a checker left without urls at its closing brace and removes it; `keepalived -t` fails — and keepalived 2.2.7 then crashes (segmentation fault).\n\n```\nHTTP_GET {\n    url {\n        path /\n    }\n}\n```',
    keepalived: 'HTTP/SSL_GET checker has no urls specified - ignoring',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'HTTP_GET' && c.type !== 'SSL_GET') continue;
      const urls = ((c.body.url as Obj[] | undefined) ?? []).filter((u) => u && typeof u.path === 'string');
      if (urls.length > 0) continue;
      ctx.report({
        loc: closeLoc(ctx, c.pointer),
        message: `${c.type} has no url with a path; keepalived removes the checker${ctx.atLeast('2.2.8') ? '' : ' (and keepalived 2.2.7 then crashes)'}`,
        hint: 'add `url { path /... }`',
      });
    }
  },
};
