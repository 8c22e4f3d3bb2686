import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/preempt-delay-with-master', {
  valid: [
    { name: 'delay on a backup', code: inst('  state BACKUP\n  preempt_delay 30\n') },
    { name: 'delay 0 means none', code: inst('  state MASTER\n  priority 100\n  preempt_delay 0\n') },
  ],
  invalid: [
    { name: 'state MASTER', code: inst('  state MASTER\n  priority 100\n  preempt_delay 30\n'), lines: [6] },
    { name: 'priority 255 without state starts as MASTER', code: inst('  priority 255\n  preempt_delay 3\n'), lines: [5], messages: ['priority 255 without'] },
  ],
});
