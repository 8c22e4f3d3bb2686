import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const vip6 = ['    virtual_ipaddress {', '        fe80::100/64', '    }'];
const auth = (type = 'PASS'): string[] => ['    authentication {', `        auth_type ${type}`, '        auth_pass secret', '    }'];

ruleTester('auth/vrrpv3', {
  valid: [
    { name: 'VRRPv2 (default)', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...auth(), ...vip, '}') },
    {
      name: 'explicit version 2 over a global vrrp_version 3',
      code: conf('global_defs {', '    vrrp_version 3', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 2', ...auth(), ...vip, '}'),
    },
    {
      name: 'strict mode reports it as vrrp-strict/no-auth instead',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    version 3', ...auth(), ...vip, '}'),
    },
    { name: 'version 3 without auth_type', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 3', ...vip, '}') },
  ],
  invalid: [
    {
      name: 'explicit version 3',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 3', ...auth(), ...vip, '}'),
      lines: [5],
      messages: ['`version 3` (line 4)'],
    },
    {
      name: 'global vrrp_version 3',
      code: conf('global_defs {', '    vrrp_version 3', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...auth(), ...vip, '}'),
      lines: [7],
      messages: ['`vrrp_version 3` in global_defs (line 2)'],
    },
    {
      name: 'IPv6 addresses imply version 3 (AH too)',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...auth('AH'), ...vip6, '}'),
      lines: [4],
      messages: ['fe80::100/64 (line 9)'],
    },
    {
      name: 'native_ipv6',
      version: '2.2.7',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    native_ipv6', ...auth(), ...vip6, '}'),
      lines: [5],
      messages: ['native_ipv6'],
    },
  ],
});
