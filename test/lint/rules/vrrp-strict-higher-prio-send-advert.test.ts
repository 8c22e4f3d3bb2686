import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, ...vip, '}');

ruleTester('vrrp-strict/higher-prio-send-advert', {
  valid: [
    { name: 'explicitly off', code: strict('    higher_prio_send_advert off') },
    { name: 'on outside strict mode', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    higher_prio_send_advert', ...vip, '}') },
    {
      name: '2.3.2: vrrp_strict false is off',
      code: conf('global_defs {', '    vrrp_strict false', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    higher_prio_send_advert', ...vip, '}'),
    },
  ],
  invalid: [
    { name: 'bare keyword (on)', code: strict('    higher_prio_send_advert'), lines: [5] },
    {
      name: '2.2.7: `vrrp_strict false` still turns strict mode on',
      version: '2.2.7',
      code: conf('global_defs {', '    vrrp_strict false', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    higher_prio_send_advert', ...vip, '}'),
      lines: [7],
      messages: ['line 2'],
    },
  ],
});
