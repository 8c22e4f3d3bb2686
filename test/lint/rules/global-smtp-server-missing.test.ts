import { ruleTester } from '../../helpers/lint.js';

const instance = (extra = ''): string => `vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n${extra}    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n`;
const g = (body: string): string => `global_defs {\n${body}\n}\n`;

ruleTester('global/smtp-server-missing', {
  valid: [
    { name: 'with smtp_server', code: g('    notification_email {\n        ops@example.com\n    }\n    smtp_server 192.0.2.25') + instance('    smtp_alert\n') },
    { name: 'no e-mail settings', code: instance() },
  ],
  invalid: [
    { name: 'notification_email only', code: g('    notification_email {\n        ops@example.com\n    }') + instance(), lines: [2], messages: ['no effect'] },
    { name: 'instance smtp_alert', code: instance('    smtp_alert\n'), lines: [6], messages: ['smtp_alert'] },
    { name: 'global smtp_alert', code: g('    smtp_alert') + instance(), lines: [2] },
  ],
});
