import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/master-default-priority', {
  valid: [
    { name: 'MASTER with a priority', code: inst('  state MASTER\n  priority 150\n') },
    { name: 'BACKUP without priority', code: inst('  state BACKUP\n') },
    { name: 'explicit owner', code: inst('  state MASTER\n  priority 255\n') },
  ],
  invalid: [{ name: 'MASTER without priority becomes the owner', code: inst('  state MASTER\n'), lines: [4], messages: ['priority 255'] }],
});
