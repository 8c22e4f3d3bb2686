import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const ah = ['    authentication {', '        auth_type AH', '        auth_pass secret', '    }'];

ruleTester('auth/ah-initial-master', {
  valid: [
    { name: 'MASTER without priority is the owner', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    state MASTER', ...ah, ...vip, '}') },
    { name: 'BACKUP', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    state BACKUP', '    priority 150', ...ah, ...vip, '}') },
    {
      name: 'PASS',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    state MASTER', '    priority 150', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}'),
    },
  ],
  invalid: [
    {
      name: 'MASTER with priority 150, at the state line',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    state MASTER', '    priority 150', ...ah, ...vip, '}'),
      lines: [4],
      messages: ['priority 150'],
    },
  ],
});
