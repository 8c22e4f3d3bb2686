import { ruleTester } from '../../helpers/lint.js';

const inst = (vip: string): string => `vrrp_instance VI_1 {\n  virtual_router_id 51\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;

ruleTester('vrrp/vip-without-interface', {
  valid: [
    { name: 'address with dev', code: inst('10.0.0.100/24 dev eth0') },
    { name: '2.2.7 rejects the instance itself (vrrp/no-interface)', code: inst('10.0.0.100/24'), version: '2.2.7' },
  ],
  invalid: [{ name: 'address without dev', code: inst('10.0.0.100/24'), lines: [8] }],
});
