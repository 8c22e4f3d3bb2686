import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('vrrp-strict/unicast', {
  valid: [
    { name: 'unicast without strict mode', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    unicast_peer {', '        10.0.0.2', '    }', ...vip, '}') },
    {
      name: 'unicast_src_ip without peers is multicast',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    unicast_src_ip 10.0.0.1', ...vip, '}'),
    },
  ],
  invalid: [
    {
      name: 'strict mode with unicast peers (keepalived 2.2.7 and 2.3.2 accept it)',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    unicast_peer {', '        10.0.0.2', '    }', ...vip, '}'),
      lines: [5],
    },
    {
      name: 'the same in 2.2.7',
      version: '2.2.7',
      code: conf('global_defs {', '    vrrp_strict', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    unicast_peer {', '        10.0.0.2', '    }', ...vip, '}'),
      lines: [7],
      messages: ['2.2.7'],
    },
  ],
});
