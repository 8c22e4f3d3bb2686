import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/owner-state-backup', {
  valid: [
    { name: 'owner starting as master', code: inst('  state MASTER\n  priority 255\n') },
    { name: 'backup with a lower priority', code: inst('  state BACKUP\n  priority 100\n') },
    { name: 'strict mode is left to vrrp-strict', code: inst('  strict_mode on\n  state BACKUP\n  priority 255\n') },
  ],
  invalid: [{ name: 'priority 255 with state BACKUP', code: inst('  state BACKUP\n  priority 255\n'), lines: [4], messages: ['255'] }],
});
