import { ruleTester } from '../../helpers/lint.js';

const inst = (name: string, vrid: number, body: string): string => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n${body}  virtual_ipaddress {\n    10.0.0.${vrid}/24\n  }\n}\n`;
const group = 'vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n}\n';

ruleTester('vrrp/sync-group-mixed-owner', {
  valid: [
    { name: 'both owners', code: inst('VI_1', 51, '  state MASTER\n  priority 255\n') + inst('VI_2', 52, '  state MASTER\n  priority 255\n') + group },
    { name: 'backup first, then owner', code: inst('VI_1', 51, '  state BACKUP\n') + inst('VI_2', 52, '  state MASTER\n  priority 255\n') + group },
    { name: 'derived priority does not count (no priority written)', code: inst('VI_1', 51, '  state MASTER\n') + inst('VI_2', 52, '  state BACKUP\n') + group },
  ],
  invalid: [
    {
      name: 'owner first, then an explicit BACKUP',
      code: inst('VI_1', 51, '  state MASTER\n  priority 255\n') + inst('VI_2', 52, '  state BACKUP\n') + group,
      lines: [21],
      messages: ['VI_2'],
    },
  ],
});
