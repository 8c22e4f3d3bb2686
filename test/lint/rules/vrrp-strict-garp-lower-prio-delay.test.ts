import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('vrrp-strict/garp-lower-prio-delay', {
  valid: [
    { name: 'explicit 0', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    garp_lower_prio_delay 0', ...vip, '}') },
    {
      name: 'a global vrrp_garp_lower_prio_delay is not used in strict mode',
      code: conf('global_defs {', '    vrrp_strict', '    vrrp_garp_lower_prio_delay 4', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...vip, '}'),
    },
  ],
  invalid: [
    {
      name: 'non-zero in the instance',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    garp_lower_prio_repeat 0', '    garp_lower_prio_delay 2', ...vip, '}'),
      lines: [6],
      messages: ['garp_lower_prio_delay 2'],
    },
  ],
});
