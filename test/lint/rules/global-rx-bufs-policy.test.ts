import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/rx-bufs-policy', {
  valid: [
    { name: 'MTU', code: g('    vrrp_rx_bufs_policy MTU') },
    { name: 'a size', code: g('    vrrp_rx_bufs_policy 65536') },
    { name: 'the same policy twice', code: g('    vrrp_rx_bufs_policy advert\n    vrrp_rx_bufs_policy ADVERT') },
  ],
  invalid: [
    { name: 'MTU and ADVERT', code: g('    vrrp_rx_bufs_policy MTU ADVERT'), lines: [2], messages: ['drops ADVERT'] },
    { name: 'a size and MTU', code: g('    vrrp_rx_bufs_policy 1024 MTU'), lines: [2], messages: ['drops the policy'] },
    { name: 'over two lines', code: g('    vrrp_rx_bufs_policy MTU\n    vrrp_rx_bufs_policy ADVERT'), lines: [3] },
    { name: 'a size after a policy word', code: g('    vrrp_rx_bufs_policy MTU 1024'), lines: [2], messages: ['first word'] },
  ],
});
