import { ruleTester } from '../../helpers/lint.js';

const head = `global_defs {
  enable_script_security
  script_user root
}
vrrp_script chk {
  script /usr/bin/true
  weight 10
}
`;
const inst = (name: string, vrid: number, body: string): string => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n${body}  virtual_ipaddress {\n    10.0.0.${vrid}/24\n  }\n}\n`;
const group = (extra: string): string => `vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n${extra}}\n`;

ruleTester('vrrp/sync-group-weight-with-owner', {
  valid: [
    { name: 'no owner in the group', code: head + inst('VI_1', 51, '') + inst('VI_2', 52, '') + group('  track_script {\n    chk\n  }\n') },
    { name: 'unweighted group entry', code: head + inst('VI_1', 51, '  priority 255\n') + inst('VI_2', 52, '') + group('  track_script {\n    chk weight 0\n  }\n') },
  ],
  invalid: [
    {
      name: 'weighted group script with an owner member',
      code: head + inst('VI_1', 51, '  priority 255\n') + inst('VI_2', 52, '') + group('  track_script {\n    chk\n  }\n  track_interface {\n    eth2 weight 3\n  }\n'),
      lines: [30, 33],
      messages: ['VI_1', 'eth2'],
    },
  ],
});
