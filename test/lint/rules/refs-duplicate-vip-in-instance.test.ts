import { ruleTester } from '../../helpers/lint.js';

const inst = (vips: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n${vips}  }\n}\n`;

ruleTester('refs/duplicate-vip-in-instance', {
  valid: [{ name: 'same address on different devices', code: inst('    10.0.0.100/24\n    10.0.0.100/24 dev eth1\n') }],
  invalid: [{ name: 'twice', code: inst('    10.0.0.100/24\n    10.0.0.101/24\n    10.0.0.100/24\n'), lines: [7], messages: ['line 5'] }],
});
