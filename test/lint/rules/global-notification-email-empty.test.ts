import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';

ruleTester('global/notification-email-empty', {
  valid: [{ name: 'with an address', code: 'global_defs {\n    notification_email {\n        ops@example.com\n    }\n}\n' + instance }],
  invalid: [{ name: 'empty block (at its closing brace)', code: 'global_defs {\n    notification_email {\n    }\n}\n' + instance, lines: [3], messages: ['empty'] }],
});
