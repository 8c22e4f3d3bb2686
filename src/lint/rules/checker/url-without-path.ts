import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { allCheckers, closeLoc } from '../ipvs/util.js';

/** A url block without path. */
export const urlWithoutPath: Rule = {
  meta: {
    id: 'checker/url-without-path',
    severity: 'error',
    description: 'A `url` block of HTTP_GET/SSL_GET without `path`.',
    docs:
      'Every url of an HTTP_GET or SSL_GET checker needs the `path` to request. keepalived reports a url without one at its closing brace and drops it (a checker left without urls is reported too); `keepalived -t` fails.\n\n```\nHTTP_GET {\n    url {\n        path /health\n        status_code 200\n    }\n}\n```',
    keepalived: 'HTTP/SSL_GET checker url has no path - ignoring',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'HTTP_GET' && c.type !== 'SSL_GET') continue;
      ((c.body.url as Obj[] | undefined) ?? []).forEach((u, i) => {
        if (u && typeof u.path === 'string') return;
        ctx.report({ loc: closeLoc(ctx, `${c.pointer}/url/${i}`), message: `this url of ${c.type} has no \`path\`; keepalived drops it`, hint: 'add `path /...` to the url block' });
      });
    }
  },
};
