import type { Rule } from '../../rule.js';
import { allCheckers } from '../ipvs/util.js';

/** SSL_GET without a top-level SSL block. */
export const sslContext: Rule = {
  meta: {
    id: 'checker/ssl-context',
    severity: 'info',
    description: 'SSL_GET checkers without a top-level `SSL` block (or an SSL block no SSL_GET uses).',
    docs:
      'SSL_GET checks use the TLS settings of the top-level `SSL { password, ca, certificate, key }` block. Without it keepalived builds a default context with no client certificate and no CA file, which is fine for plain HTTPS health checks but not when the servers require client certificates or you want the CA set explicitly. Conversely an `SSL` block is only used by SSL_GET checkers.\n\n```\nSSL {\n    ca /etc/keepalived/ca.pem\n    certificate /etc/keepalived/client.pem\n    key /etc/keepalived/client.key\n}\n```',
  },
  check(ctx) {
    const ssl = allCheckers(ctx).filter((c) => c.type === 'SSL_GET');
    const block = ctx.document.SSL !== undefined;
    if (ssl.length > 0 && !block) {
      ctx.report({
        pointer: ssl[0]!.pointer,
        at: 'keyword',
        message: `SSL_GET without a top-level \`SSL\` block: keepalived uses a default TLS context (no client certificate, no CA file)${ssl.length > 1 ? ` for all ${ssl.length} SSL_GET checkers` : ''}`,
        hint: 'add an `SSL { ... }` block if the servers need a client certificate or a specific CA',
      });
    }
    if (block && ssl.length === 0) {
      ctx.report({
        pointer: '/SSL',
        at: 'keyword',
        message: 'the `SSL` block is not used: no real server has an SSL_GET checker',
        hint: 'remove the SSL block, or add SSL_GET checkers',
      });
    }
  },
};
