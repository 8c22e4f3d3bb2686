import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

/** smtp_server without recipients. */
export const notificationEmailMissing: Rule = {
  meta: {
    id: 'global/notification-email-missing',
    severity: 'info',
    description: '`smtp_server` without `notification_email` recipients.',
    docs:
      'An `smtp_server` is only used to send alerts to the addresses of `notification_email { ... }`. Without recipients keepalived has nobody to mail, so the alerts (real servers alert by default) go nowhere.\n\n```\nglobal_defs {\n    smtp_server 192.0.2.25\n    notification_email {\n        ops@example.com\n    }\n}\n```',
  },
  check(ctx) {
    const stmts = globalStatements(ctx);
    const server = stmts.find((n) => n.keyword === 'smtp_server');
    if (!server || stmts.some((n) => n.keyword === 'notification_email')) return;
    ctx.report({
      loc: server.keywordLoc,
      message: '`smtp_server` is set but there is no `notification_email` block: alerts have no recipient',
      hint: 'add `notification_email { ADDRESS ... }` to global_defs, or remove smtp_server',
    });
  },
};
