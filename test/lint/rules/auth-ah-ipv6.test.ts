import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip6 = ['    virtual_ipaddress {', '        fe80::100/64', '    }'];
const ah = ['    authentication {', '        auth_type AH', '        auth_pass secret', '    }'];

ruleTester('auth/ah-ipv6', {
  valid: [
    { name: 'AH on IPv4', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...ah, '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}') },
    { name: 'IPv6 runs version 3: auth/vrrpv3 reports it', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...ah, ...vip6, '}') },
  ],
  invalid: [
    {
      name: 'version 2 kept before the IPv6 address',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 2', ...ah, ...vip6, '}'),
      lines: [6],
    },
    {
      name: 'the family comes from mcast_dst_ip',
      version: '2.2.7',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 2', '    mcast_dst_ip ff02::12', ...ah, ...vip6, '}'),
      lines: [7],
    },
  ],
});
