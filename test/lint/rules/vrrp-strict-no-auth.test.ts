import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('vrrp-strict/no-auth', {
  valid: [
    {
      name: 'authentication without strict mode',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}'),
    },
    {
      name: 'strict mode with an authentication block that has no auth_type (keepalived ignores the block)',
      code: conf('global_defs {', '    vrrp_strict', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_pass secret', '    }', ...vip, '}'),
    },
    {
      name: 'global vrrp_strict turned off by the instance',
      code: conf('global_defs {', '    vrrp_strict', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode off', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}'),
    },
    {
      name: '2.3.2: vrrp_strict false is off',
      code: conf('global_defs {', '    vrrp_strict false', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}'),
    },
  ],
  invalid: [
    {
      name: 'global vrrp_strict, reported at the authentication block',
      code: conf('global_defs {', '    vrrp_strict', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type AH', '        auth_pass secret', '    }', ...vip, '}'),
      lines: [7],
      messages: ['`vrrp_strict` in global_defs (line 2)'],
    },
    {
      name: 'instance strict_mode',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}'),
      lines: [5],
      messages: ['`strict_mode` (line 4)'],
    },
    {
      name: 'an invalid strict_mode word falls back to the global vrrp_strict',
      code: conf('global_defs {', '    vrrp_strict', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode maybe', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}'),
      lines: [8],
      messages: ['vrrp_strict'],
    },
    {
      name: '2.2.7 reads no word after vrrp_strict: `vrrp_strict false` is on',
      version: '2.2.7',
      code: conf('global_defs {', '    vrrp_strict false', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    authentication {', '        auth_type PASS', '        auth_pass secret', '    }', ...vip, '}'),
      lines: [7],
    },
  ],
});
