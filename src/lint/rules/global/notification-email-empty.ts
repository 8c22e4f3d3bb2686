import type { Rule } from '../../rule.js';
import { isEffective } from '../../../syntax/ast.js';
import { globalStatements } from './util.js';

/** An empty notification_email block. */
export const notificationEmailEmpty: Rule = {
  meta: {
    id: 'global/notification-email-empty',
    severity: 'error',
    description: 'A `notification_email` block without any address.',
    docs:
      '`notification_email { ... }` lists the alert recipients, one or more per line. keepalived reports an empty block at its closing brace (as a "Warning", but `keepalived -t` fails).\n\n```\nglobal_defs {\n    notification_email {\n        ops@example.com\n    }\n}\n```',
    keepalived: 'Warning - empty notification_email block',
  },
  check(ctx) {
    for (const n of globalStatements(ctx)) {
      if (n.keyword !== 'notification_email' || n.type !== 'block' || n.body.some(isEffective)) continue;
      ctx.report({
        loc: n.closeLoc ?? n.keywordLoc,
        message: 'the notification_email block is empty',
        hint: 'add the recipient addresses, or remove the block',
      });
    }
  },
};
