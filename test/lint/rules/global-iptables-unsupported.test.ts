import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/iptables-unsupported', {
  valid: [{ name: 'nftables', code: g('    nftables') }],
  invalid: [
    { name: 'vrrp_iptables', code: g('    vrrp_iptables'), lines: [2], messages: ['without iptables support'] },
    { name: 'vrrp_iptables with chains', code: g('    vrrp_iptables INPUT OUTPUT'), version: '2.2.7', lines: [2] },
    { name: 'vrrp_ipsets', code: g('    vrrp_ipsets keepalived'), lines: [2], messages: ['do not know this keyword'] },
    { name: 'in a second global_defs block', code: g('    router_id a') + 'global_defs {\n    vrrp_iptables\n}\n', lines: [14] },
  ],
});
