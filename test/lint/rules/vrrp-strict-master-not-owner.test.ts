import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, ...vip, '}');

ruleTester('vrrp-strict/master-not-owner', {
  valid: [
    { name: 'MASTER with priority 255', code: strict('    state MASTER', '    priority 255') },
    { name: 'MASTER without priority (priority 255 is derived)', code: strict('    state MASTER') },
    { name: 'BACKUP with priority 100', code: strict('    state BACKUP', '    priority 100') },
    { name: 'priority 255 without state (MASTER is derived)', code: strict('    priority 255') },
    { name: 'not strict', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    state MASTER', '    priority 100', ...vip, '}') },
  ],
  invalid: [
    { name: 'MASTER with priority 100, at the state line', code: strict('    state MASTER', '    priority 100'), lines: [5], messages: ['priority is 100'] },
    {
      name: 'BACKUP with priority 255 under global vrrp_strict',
      code: conf('global_defs {', '    vrrp_strict', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    state BACKUP', '    priority 255', ...vip, '}'),
      lines: [7],
      messages: ['`vrrp_strict` in global_defs (line 2)'],
    },
    { name: 'an out-of-range priority counts as 100', code: strict('    state MASTER', '    priority 300'), lines: [5] },
  ],
});
