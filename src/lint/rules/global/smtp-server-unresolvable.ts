import { isIPv4, isIPv6 } from 'node:net';
import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';

/** An smtp_server host name in the reserved `.invalid` domain, which never resolves. */
export const smtpServerUnresolvable: Rule = {
  meta: {
    id: 'global/smtp-server-unresolvable',
    severity: 'error',
    description: 'An `smtp_server` host name under the reserved top-level domain `invalid`, which never resolves.',
    docs:
      'keepalived resolves an `smtp_server` host name while it reads the configuration; a name it cannot resolve is reported as an invalid smtp server, no e-mail is sent, and `keepalived -t` fails. Names under `.invalid` are reserved (RFC 6761) never to resolve. Whether other names resolve depends on the DNS of the host keepalived runs on; kaconf does not look them up. An IP address avoids the dependency.\n\n' +
      '```\nglobal_defs {\n    smtp_server 192.0.2.25 25      ! or a name the keepalived host resolves\n}\n```',
    keepalived: 'Invalid smtp server HOST PORT',
  },
  check(ctx) {
    const host = (ctx.globalDefs.smtp_server as Obj | undefined)?.host;
    if (typeof host !== 'string' || isIPv4(host) || isIPv6(host)) return;
    if (!/(^|\.)invalid\.?$/i.test(host)) return;
    ctx.report({
      pointer: '/global_defs/smtp_server/host',
      message: `smtp_server ${host} is in the reserved domain \`.invalid\`, which never resolves; keepalived reports an invalid smtp server and sends no e-mail`,
      hint: 'use the mail server\'s IP address or a real host name',
    });
  },
};
