import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, ...vip, '}');

ruleTester('vrrp-strict/accept-v2', {
  valid: [
    { name: 'accept on the address owner', code: strict('    priority 255', '    accept') },
    { name: 'accept with version 3', code: strict('    version 3', '    accept') },
    {
      name: 'accept with global vrrp_version 3',
      code: conf('global_defs {', '    vrrp_strict', '    vrrp_version 3', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    accept', ...vip, '}'),
    },
    { name: 'no_accept after accept wins', code: strict('    accept', '    no_accept') },
    { name: 'not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    accept', ...vip, '}') },
  ],
  invalid: [
    { name: 'accept on a VRRPv2 non-owner', code: strict('    accept'), lines: [5], messages: ['`strict_mode` (line 4)'] },
    { name: 'accept after no_accept', code: strict('    no_accept', '    accept'), lines: [6] },
  ],
});
