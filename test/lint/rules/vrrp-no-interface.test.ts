import { ruleTester } from '../../helpers/lint.js';

const unicastNoIf = `vrrp_instance VI_1 {
  virtual_router_id 51
  unicast_src_ip 10.0.0.1
  unicast_peer {
    10.0.0.2
  }
  virtual_ipaddress {
    10.0.0.100/24 dev eth0
  }
}
`;

ruleTester('vrrp/no-interface', {
  valid: [
    { name: 'an instance with interface', code: 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n' },
    { name: 'unicast with a source address and no interface (2.2.8+)', code: unicastNoIf },
  ],
  invalid: [
    {
      name: 'multicast instance without interface',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24 dev eth0\n  }\n}\n',
      lines: [1],
      messages: ['not unicast'],
    },
    { name: '2.2.7 rejects even a correct unicast instance without interface', code: unicastNoIf, version: '2.2.7', lines: [1], messages: ['2.2.7'] },
    {
      name: 'unicast without interface and without unicast_src_ip',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 51\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress {\n    10.0.0.100/24 dev eth0\n  }\n}\n',
      lines: [1],
      messages: ['unicast_src_ip'],
    },
    {
      name: 'IPv6 link-local source without interface',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 51\n  unicast_src_ip fe80::1\n  unicast_peer {\n    fe80::2\n  }\n  virtual_ipaddress {\n    fe80::100/64 dev eth0\n  }\n}\n',
      lines: [3],
      messages: ['link-local'],
    },
  ],
});
