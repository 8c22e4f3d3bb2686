import { ruleTester } from '../../helpers/lint.js';

const inst = (name: string, vrid: number, iface: string, body: string): string => `vrrp_instance ${name} {\n  interface ${iface}\n  virtual_router_id ${vrid}\n${body}  virtual_ipaddress {\n    10.0.0.${vrid}/24\n  }\n}\n`;
const group = (track: string): string => `vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n  track_interface {\n    ${track}\n  }\n}\n`;

ruleTester('refs/tracked-by-instance-and-group', {
  valid: [
    { name: 'different interfaces', code: inst('VI_1', 51, 'eth0', '  track_interface {\n    eth2\n  }\n') + inst('VI_2', 52, 'eth1', '') + group('eth3') },
    { name: 'own interface with dont_track_primary', code: inst('VI_1', 51, 'eth0', '  dont_track_primary\n') + inst('VI_2', 52, 'eth1', '') + group('eth0') },
  ],
  invalid: [
    {
      name: 'an interface on a member and on the group',
      code: inst('VI_1', 51, 'eth0', '  track_interface {\n    eth2\n  }\n') + inst('VI_2', 52, 'eth1', '') + group('eth2'),
      lines: [24],
      messages: ['VI_1'],
    },
    {
      name: 'a member\'s own interface on the group',
      code: inst('VI_1', 51, 'eth0', '') + inst('VI_2', 52, 'eth1', '') + group('eth0'),
      lines: [21],
      messages: ['own interface'],
    },
  ],
});
