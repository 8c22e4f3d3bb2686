import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  priority 100\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/state-backup-after-master', {
  valid: [
    { name: 'one state', code: inst('  state MASTER\n') },
    { name: 'MASTER after BACKUP wins silently (duplicate-keyword)', code: inst('  state BACKUP\n  state MASTER\n') },
  ],
  invalid: [{ name: 'BACKUP after MASTER', code: inst('  state MASTER\n  state BACKUP\n'), lines: [5], messages: ['line 4'] }],
});
