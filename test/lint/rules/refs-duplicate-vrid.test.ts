import { ruleTester } from '../../helpers/lint.js';

const inst = (name: string, iface: string, vrid: number, extra: string, vip: string): string =>
  `vrrp_instance ${name} {\n  interface ${iface}\n  virtual_router_id ${vrid}\n${extra}  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;
const peers = (src: string, ...p: string[]): string => `  unicast_src_ip ${src}\n  unicast_peer {\n${p.map((x) => `    ${x}\n`).join('')}  }\n`;

ruleTester('refs/duplicate-vrid', {
  valid: [
    { name: 'different interfaces', code: inst('VI_1', 'eth0', 51, '', '10.0.0.1/24') + inst('VI_2', 'eth1', 51, '', '10.1.0.1/24') },
    { name: 'different families', code: inst('VI_1', 'eth0', 51, '', '10.0.0.1/24') + inst('VI_2', 'eth0', 51, '', 'fe80::1/64') },
    { name: 'different multicast groups', code: inst('VI_1', 'eth0', 51, '', '10.0.0.1/24') + inst('VI_2', 'eth0', 51, '  mcast_dst_ip 224.0.0.19\n', '10.0.0.2/24') },
    { name: 'unicast and multicast', code: inst('VI_1', 'eth0', 51, peers('10.0.0.1', '10.0.0.2'), '10.0.0.1/24') + inst('VI_2', 'eth0', 51, '', '10.0.0.3/24') },
    { name: 'unicast without a common peer', code: inst('VI_1', 'eth0', 51, peers('10.0.0.1', '10.0.0.2'), '10.0.0.10/24') + inst('VI_2', 'eth0', 51, peers('10.0.0.1', '10.0.0.3'), '10.0.0.11/24') },
  ],
  invalid: [
    { name: 'multicast on the same interface', code: inst('VI_1', 'eth0', 51, '', '10.0.0.1/24') + inst('VI_2', 'eth0', 51, '', '10.0.0.2/24'), lines: [10], messages: ['224.0.0.18'] },
    { name: 'two VMAC instances on the same base interface', code: inst('VI_1', 'eth0', 51, '  use_vmac\n', '10.0.0.1/24') + inst('VI_2', 'eth0', 51, '  use_vmac vrrp.x2\n', '10.0.0.2/24'), lines: [11] },
    {
      name: 'unicast without unicast_src_ip on the same interface (the interface address is the source)',
      code: inst('VI_1', 'eth0', 51, '  unicast_peer {\n    10.0.0.2\n  }\n', '10.0.0.10/24') + inst('VI_2', 'eth0', 51, '  unicast_peer {\n    10.0.0.2\n  }\n', '10.0.0.11/24'),
      lines: [13],
    },
    {
      name: 'unicast with a common peer',
      code: inst('VI_1', 'eth0', 51, peers('10.0.0.1', '10.0.0.2'), '10.0.0.10/24') + inst('VI_2', 'eth0', 51, peers('10.0.0.1', '10.0.0.3', '10.0.0.2'), '10.0.0.11/24'),
      lines: [14],
      messages: ['peer 10.0.0.2'],
    },
  ],
});
