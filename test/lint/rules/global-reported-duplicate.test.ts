import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/reported-duplicate', {
  valid: [
    { name: 'once each', code: g('    notify_fifo /tmp/a.fifo\n    vmac_prefix aa') },
    { name: 'keywords whose last value wins', code: g('    router_id a\n    router_id b') },
  ],
  invalid: [
    { name: 'notify_fifo twice', code: g('    notify_fifo /tmp/a.fifo\n    notify_fifo /tmp/b.fifo'), lines: [3], messages: ['keeps the first'] },
    { name: 'nftables twice', code: g('    nftables\n    nftables other'), lines: [3] },
    { name: 'across two global_defs blocks', code: 'global_defs {\n    snmp_socket tcp:localhost:705\n}\n' + g('    snmp_socket tcp:localhost:706'), lines: [5], messages: ['line 2'] },
    { name: 'top-level instance twice', code: 'instance a\ninstance b\n' + instance, lines: [2] },
  ],
});
