import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/fifo-shared-path', {
  valid: [{ name: 'distinct paths', code: g('    notify_fifo /tmp/a.fifo\n    vrrp_notify_fifo /tmp/b.fifo') }],
  invalid: [
    { name: 'vrrp_notify_fifo = notify_fifo', code: g('    notify_fifo /tmp/a.fifo\n    vrrp_notify_fifo /tmp/a.fifo'), lines: [3], messages: ['notify_fifo'] },
    { name: 'lvs = vrrp', code: g('    vrrp_notify_fifo /tmp/a.fifo\n    lvs_notify_fifo /tmp/a.fifo'), lines: [3], messages: ['vrrp_notify_fifo'] },
  ],
});
