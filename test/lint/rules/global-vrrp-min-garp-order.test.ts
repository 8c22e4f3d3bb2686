import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/vrrp-min-garp-order', {
  valid: [
    { name: 'settings after vrrp_min_garp', code: g('    vrrp_min_garp\n    vrrp_garp_master_repeat 5') },
    { name: 'a non-default value before it is kept', code: g('    vrrp_garp_master_repeat 3\n    vrrp_min_garp') },
    { name: 'vrrp_min_garp off', code: g('    vrrp_garp_master_repeat 5\n    vrrp_min_garp false') },
  ],
  invalid: [
    { name: 'default repeat before it', code: g('    vrrp_garp_master_repeat 5\n    vrrp_min_garp'), lines: [2], messages: ['changes it to 1'] },
    { name: 'default delay and refresh repeat', code: g('    vrrp_garp_master_delay 5\n    vrrp_garp_master_refresh_repeat 1\n    vrrp_min_garp on'), lines: [2, 3] },
  ],
});
