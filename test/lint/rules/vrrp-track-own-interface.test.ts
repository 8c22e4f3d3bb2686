import { ruleTester } from '../../helpers/lint.js';

const inst = (track: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_interface {\n    ${track}\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/track-own-interface', {
  valid: [{ name: 'another interface', code: inst('eth1') }],
  invalid: [{ name: 'the own interface', code: inst('eth0 weight 10'), lines: [5], messages: ['eth0'] }],
});
