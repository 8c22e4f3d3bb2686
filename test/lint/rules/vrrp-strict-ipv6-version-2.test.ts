import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip6 = ['    virtual_ipaddress {', '        fe80::100/64', '    }'];

ruleTester('vrrp-strict/ipv6-version-2', {
  valid: [
    { name: 'IPv6 without version', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...vip6, '}') },
    { name: 'version 2 before IPv6, not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 2', ...vip6, '}') },
    {
      name: 'version 2 after the IPv6 address (ignored by keepalived in any mode: vrrp/version-conflict)',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...vip6, '    version 2', '}'),
    },
  ],
  invalid: [
    {
      name: 'version 2 before the first IPv6 address',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    version 2', ...vip6, '}'),
      lines: [5],
      messages: ['fe80::100/64 (line 7)'],
    },
  ],
});
