import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/notification-email-missing', {
  valid: [{ name: 'with recipients', code: g('    smtp_server 192.0.2.25\n    notification_email {\n        ops@example.com\n    }') }],
  invalid: [{ name: 'smtp_server alone', code: g('    smtp_server 192.0.2.25 25'), lines: [2], messages: ['no recipient'] }],
});
