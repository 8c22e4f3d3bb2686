import { ruleTester } from '../../helpers/lint.js';

const inst = (name: string, vrid: number): string => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n  virtual_ipaddress {\n    10.0.0.${vrid}/24\n  }\n}\n`;

ruleTester('refs/sync-group-unknown-instance', {
  valid: [{ name: 'known names, the group may come first', code: `vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n}\n${inst('VI_1', 51)}${inst('VI_2', 52)}` }],
  invalid: [{ name: 'a misspelt name', code: `${inst('VI_1', 51)}${inst('VI_2', 52)}vrrp_sync_group SG {\n  group {\n    VI_1\n    vi_2\n  }\n}\n`, lines: [18], messages: ['vi_2'] }],
});
