import { ruleTester } from '../../helpers/lint.js';

const inst = (head: string, peers: boolean): string =>
  `vrrp_instance VI_1 {\n${head}  unicast_src_ip 10.0.0.1\n${peers ? '  unicast_peer {\n    10.0.0.2\n  }\n' : ''}  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24 dev eth0\n  }\n}\n`;

ruleTester('vrrp/vrf-misuse', {
  valid: [{ name: 'unicast without interface', code: inst('  vrf red\n', true) }],
  invalid: [
    { name: 'vrf after interface', code: inst('  interface eth0\n  vrf red\n', true), lines: [3], messages: ['line 2'] },
    { name: 'vrf before interface', code: inst('  vrf red\n  interface eth0\n', true), lines: [2] },
    { name: 'vrf without unicast peers', code: inst('  vrf red\n', false), lines: [2], messages: ['no unicast peers'] },
  ],
});
