import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/extra-words', {
  valid: [
    { name: 'one word each', code: g('    snmp_socket tcp:localhost:705\n    reload_time_file /tmp/reload\n    vrrp_rx_bufs_multiplier 4\n    notification_email_from ka@example.com') },
    { name: 'notification_email_from: 2.2.7 ignores the extra words silently', code: g('    notification_email_from a@example.com b@example.com'), version: '2.2.7' },
  ],
  invalid: [
    { name: 'snmp_socket', code: g('    snmp_socket tcp:localhost:705 extra'), lines: [2], messages: ['ignores it'] },
    { name: 'vrrp_rx_bufs_multiplier', code: g('    vrrp_rx_bufs_multiplier 4 4'), lines: [2] },
    { name: 'reload_time_file', code: g('    reload_time_file /tmp/a /tmp/b'), lines: [2] },
    { name: 'notification_email_from in 2.3.2', code: g('    notification_email_from a@example.com b@example.com'), lines: [2], messages: ['first one'] },
  ],
});
