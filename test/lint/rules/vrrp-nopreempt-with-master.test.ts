import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/nopreempt-with-master', {
  valid: [
    { name: 'nopreempt with state BACKUP', code: inst('  state BACKUP\n  priority 150\n  nopreempt\n') },
    { name: 'priority 255 is reported by vrrp/nopreempt-with-owner', code: inst('  state MASTER\n  priority 255\n  nopreempt\n') },
  ],
  invalid: [{ name: 'state MASTER with priority 100', code: inst('  state MASTER\n  priority 100\n  nopreempt\n'), lines: [6], messages: ['MASTER'] }],
});
