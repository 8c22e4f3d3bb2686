import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/preempt-delay-with-nopreempt', {
  valid: [
    { name: 'delay alone', code: inst('  preempt_delay 30\n') },
    { name: 'preempt cancels nopreempt', code: inst('  nopreempt\n  preempt\n  preempt_delay 30\n') },
    { name: 'owner: nopreempt is cleared first', code: inst('  state BACKUP\n  priority 255\n  nopreempt\n  preempt_delay 3\n') },
  ],
  invalid: [{ name: 'both on a backup', code: inst('  priority 100\n  nopreempt\n  preempt_delay 10\n'), lines: [6] }],
});
