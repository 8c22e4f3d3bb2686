import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/nopreempt-with-owner', {
  valid: [
    { name: 'nopreempt on a backup', code: inst('  state BACKUP\n  priority 150\n  nopreempt\n') },
    { name: 'preempt after nopreempt cancels it', code: inst('  priority 255\n  nopreempt\n  preempt\n') },
  ],
  invalid: [
    { name: 'priority 255', code: inst('  priority 255\n  nopreempt\n'), lines: [5] },
    { name: 'state MASTER without priority (255)', code: inst('  state MASTER\n  nopreempt\n'), lines: [5], messages: ['state MASTER'] },
  ],
});
