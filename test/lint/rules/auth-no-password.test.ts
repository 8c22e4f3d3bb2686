import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('auth/no-password', {
  valid: [
    { name: 'type and password', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}') },
    {
      name: 'version 3 refuses the authentication first (auth/vrrpv3)',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 3', '    authentication {', '        auth_type PASS', '    }', ...vip, '}'),
    },
  ],
  invalid: [
    {
      name: 'no auth_pass, at auth_type',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type PASS', '    }', ...vip, '}'),
      lines: [5],
      messages: ['auth_type PASS'],
    },
    {
      name: 'an empty auth_pass',
      version: '2.2.7',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type AH', '        auth_pass ""', '    }', ...vip, '}'),
      lines: [5],
    },
  ],
});
