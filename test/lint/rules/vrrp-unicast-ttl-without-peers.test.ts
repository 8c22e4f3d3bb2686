import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  unicast_ttl 10\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/unicast-ttl-without-peers', {
  valid: [{ name: 'with peers', code: inst('  unicast_peer {\n    10.0.0.2\n  }\n') }],
  invalid: [{ name: 'without peers', code: inst(''), lines: [4], endLines: [8] }],
});
