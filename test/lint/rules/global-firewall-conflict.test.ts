import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/firewall-conflict', {
  valid: [
    { name: 'nftables alone', code: g('    nftables my_table') },
    { name: 'nftables before vrrp_iptables is not this finding', code: g('    nftables\n    vrrp_iptables') },
  ],
  invalid: [{ name: 'nftables after vrrp_iptables', code: g('    vrrp_iptables\n    nftables'), lines: [3], messages: ['line 2'] }],
});
