import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

const MAIL_SETTINGS = ['notification_email', 'notification_email_from', 'smtp_helo_name', 'smtp_connect_timeout'];
const ALERT_FLAGS = ['smtp_alert', 'smtp_alert_vrrp', 'smtp_alert_checker'];

/** E-mail settings or alerts without an smtp_server. */
export const smtpServerMissing: Rule = {
  meta: {
    id: 'global/smtp-server-missing',
    severity: 'info',
    description: 'E-mail settings (`notification_email`, `smtp_alert`, ...) without an `smtp_server`.',
    docs:
      'keepalived sends its e-mail alerts through `smtp_server`. Without it, `notification_email`, `notification_email_from`, `smtp_helo_name`, `smtp_connect_timeout` and every `smtp_alert` (global, per instance, sync group, virtual or real server) have no effect: no mail is sent.\n\n```\nglobal_defs {\n    notification_email {\n        ops@example.com\n    }\n    smtp_server 192.0.2.25        ! needed to send anything\n}\n```',
  },
  check(ctx) {
    const stmts = globalStatements(ctx);
    if (stmts.some((n) => n.keyword === 'smtp_server')) return;
    const mail = stmts.find((n) => MAIL_SETTINGS.includes(n.keyword));
    if (mail) {
      ctx.report({
        loc: mail.keywordLoc,
        message: `\`${mail.keyword}\` has no effect without an \`smtp_server\`: keepalived sends no e-mail`,
        hint: 'add `smtp_server HOST [PORT]` to global_defs, or remove the e-mail settings',
      });
      return;
    }
    // explicit alerts switched on anywhere
    const g = ctx.globalDefs;
    const flag = ALERT_FLAGS.find((k) => g[k] === true);
    let pointer = flag ? `/global_defs/${flag}` : undefined;
    if (!pointer) {
      for (const kind of ['vrrp_instance', 'vrrp_sync_group']) {
        const e = ctx.named(kind).find((x) => x.body.smtp_alert === true);
        if (e) {
          pointer = `${e.pointer}/smtp_alert`;
          break;
        }
      }
    }
    if (!pointer) {
      const vss = (ctx.document.virtual_server as Obj[] | undefined) ?? [];
      vss.forEach((vs, i) => {
        if (pointer) return;
        if (vs.smtp_alert === true) pointer = `/virtual_server/${i}/smtp_alert`;
        else {
          const j = ((vs.real_server as Obj[] | undefined) ?? []).findIndex((rs) => rs.smtp_alert === true);
          if (j >= 0) pointer = `/virtual_server/${i}/real_server/${j}/smtp_alert`;
        }
      });
    }
    if (!pointer) return;
    ctx.report({
      pointer,
      at: 'keyword',
      message: '`smtp_alert` is on but global_defs has no `smtp_server`: keepalived sends no e-mail',
      hint: 'add `smtp_server HOST [PORT]` and `notification_email { ... }` to global_defs, or remove smtp_alert',
    });
  },
};
