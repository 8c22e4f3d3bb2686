import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, ...vip, '}');

ruleTester('vrrp-strict/preempt-delay', {
  valid: [
    { name: 'preempt_delay 0', code: strict('    preempt_delay 0') },
    { name: 'initial MASTER: keepalived clears the delay for that reason first', code: strict('    state MASTER', '    priority 255', '    preempt_delay 5') },
    { name: 'not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    preempt_delay 5', ...vip, '}') },
  ],
  invalid: [
    { name: 'preempt_delay 5', code: strict('    preempt_delay 5'), lines: [5], messages: ['preempt_delay 5'] },
    {
      name: 'a fraction of a second under global vrrp_strict',
      code: conf('global_defs {', '    vrrp_strict', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    preempt_delay 0.5', ...vip, '}'),
      lines: [7],
    },
  ],
});
