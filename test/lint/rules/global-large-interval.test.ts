import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/large-interval', {
  valid: [{ name: 'small values', code: g('    vrrp_garp_interval 0.001\n    vrrp_gna_interval 0.5\n    vrrp_startup_delay 10') }],
  invalid: [
    { name: 'garp interval of 10 s', code: g('    vrrp_garp_interval 10'), lines: [2], messages: ['seconds'] },
    { name: 'gna interval of 1 s', code: g('    vrrp_gna_interval 1'), lines: [2] },
    { name: 'startup delay of a minute', code: g('    vrrp_startup_delay 60'), lines: [2] },
  ],
});
