import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/expired-timer-needs-nopreempt', {
  valid: [
    { name: 'with nopreempt on a backup', code: inst('  state BACKUP\n  nopreempt\n  timer_expired_backup\n') },
    { name: 'unknown keyword in 2.2.7 (not this rule)', code: inst('  timer_expired_backup\n'), version: '2.2.7' },
  ],
  invalid: [
    { name: 'without nopreempt', code: inst('  timer_expired_backup\n'), lines: [4], messages: ['no `nopreempt`'] },
    { name: 'nopreempt cleared by state MASTER', code: inst('  state MASTER\n  priority 200\n  nopreempt\n  timer_expired_backup 100\n'), lines: [7], messages: ['MASTER'] },
  ],
});
