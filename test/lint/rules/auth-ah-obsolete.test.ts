import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('auth/ah-obsolete', {
  valid: [
    { name: 'PASS', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}') },
    { name: 'AH without password is ignored (auth/no-password)', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type AH', '    }', ...vip, '}') },
  ],
  invalid: [
    {
      name: 'AH in use',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type AH', '        auth_pass secret', '    }', ...vip, '}'),
      lines: [5],
    },
  ],
});
