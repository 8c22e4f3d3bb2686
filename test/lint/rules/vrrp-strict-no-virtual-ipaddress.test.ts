import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;

ruleTester('vrrp-strict/no-virtual-ipaddress', {
  valid: [
    { name: 'not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    no_virtual_ipaddress', '}') },
    {
      name: '2.2.7 does not know the keyword (reported as unknown elsewhere)',
      version: '2.2.7',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    no_virtual_ipaddress', '}'),
    },
  ],
  invalid: [
    {
      name: 'strict mode, 2.3.2',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    no_virtual_ipaddress', '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}'),
      lines: [5],
    },
  ],
});
