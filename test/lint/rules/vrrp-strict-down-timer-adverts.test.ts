import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('vrrp-strict/down-timer-adverts', {
  valid: [
    { name: 'down_timer_adverts 3', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    down_timer_adverts 3', ...vip, '}') },
    {
      name: 'the instance sets 3 over a global 5',
      code: conf('global_defs {', '    vrrp_strict', '    vrrp_down_timer_adverts 5', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    down_timer_adverts 3', ...vip, '}'),
    },
    { name: 'not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    down_timer_adverts 5', ...vip, '}') },
  ],
  invalid: [
    {
      name: 'the instance sets 5',
      code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', '    down_timer_adverts 5', ...vip, '}'),
      lines: [5],
      messages: ['down_timer_adverts 5'],
    },
    {
      name: 'inherited from the global vrrp_down_timer_adverts, reported there once per instance',
      code: conf(
        'global_defs {',
        '    vrrp_strict',
        '    vrrp_down_timer_adverts 5',
        '}',
        'vrrp_instance VI_1 {',
        '    interface eth0',
        '    virtual_router_id 51',
        ...vip,
        '}',
        'vrrp_instance VI_2 {',
        '    interface eth0',
        '    virtual_router_id 52',
        '    virtual_ipaddress {',
        '        10.0.0.101/24',
        '    }',
        '}',
      ),
      lines: [3, 3],
      messages: ['VI_1', 'VI_2'],
    },
  ],
});
