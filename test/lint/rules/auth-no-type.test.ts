import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('auth/no-type', {
  valid: [
    { name: 'type and password', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}') },
    { name: 'no authentication block', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...vip, '}') },
  ],
  invalid: [
    {
      name: 'auth_pass alone, at auth_pass; the password is not printed',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_pass s3cr3t', '    }', ...vip, '}'),
      lines: [5],
      messages: ['auth_pass without auth_type'],
    },
    {
      name: 'an empty block',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '    }', ...vip, '}'),
      lines: [4],
    },
  ],
});
