import { ruleTester } from '../../helpers/lint.js';

const inst = (name: string, vrid: number): string => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n  virtual_ipaddress {\n    10.0.0.${vrid}/24\n  }\n}\n`;
const base = inst('VI_1', 51) + inst('VI_2', 52) + inst('VI_3', 53);

ruleTester('refs/instance-in-two-sync-groups', {
  valid: [{ name: 'disjoint groups', code: `${base}vrrp_sync_group SG_1 {\n  group {\n    VI_1\n    VI_2\n  }\n}\n` }],
  invalid: [
    {
      name: 'in two groups',
      code: `${base}vrrp_sync_group SG_1 {\n  group {\n    VI_1\n    VI_2\n  }\n}\nvrrp_sync_group SG_2 {\n  group {\n    VI_3\n    VI_1\n  }\n}\n`,
      lines: [31],
      messages: ['SG_1'],
    },
    { name: 'twice in one group', code: `${base}vrrp_sync_group SG_1 {\n  group {\n    VI_1\n    VI_2\n    VI_1\n  }\n}\n`, lines: [26], messages: ['already listed'] },
  ],
});
