import { ruleTester } from '../../helpers/lint.js';

const head = `global_defs {
  enable_script_security
  script_user root
}
vrrp_script chk {
  script /usr/bin/true
  weight 10
}
track_file tf {
  file /tmp/kaconf-tf
}
`;
const inst = (name: string, vrid: number, body: string): string => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n${body}  virtual_ipaddress {\n    10.0.0.${vrid}/24\n  }\n}\n`;
const group = (extra = ''): string => `vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n${extra}}\n`;

ruleTester('vrrp/track-weight-in-sync-group', {
  valid: [
    { name: 'weight 0 entries', code: head + inst('VI_1', 51, '  track_script {\n    chk weight 0\n  }\n  track_file {\n    tf weight 0\n  }\n') + inst('VI_2', 52, '') + group() },
    { name: 'sync_group_tracking_weight allows weights', code: head + inst('VI_1', 51, '  track_script {\n    chk\n  }\n') + inst('VI_2', 52, '') + group('  sync_group_tracking_weight\n') },
    { name: 'not in a sync group', code: head + inst('VI_1', 51, '  track_script {\n    chk\n  }\n') },
  ],
  invalid: [
    {
      name: 'script weight from the vrrp_script, file default weight 1, weighted interface',
      code: head + inst('VI_1', 51, '  track_script {\n    chk\n  }\n  track_file {\n    tf\n  }\n  track_interface {\n    eth1 weight 5\n  }\n') + inst('VI_2', 52, '') + group(),
      lines: [16, 19, 22],
      messages: ['weight 10', 'weight 0', 'uses weight 0'],
    },
  ],
});
