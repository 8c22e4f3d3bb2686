import { ruleTester } from '../../helpers/lint.js';

const inst = (name: string, vrid: number, vips: string): string => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n  virtual_ipaddress {\n${vips}  }\n}\n`;

ruleTester('refs/duplicate-vip', {
  valid: [{ name: 'distinct addresses', code: inst('VI_1', 51, '    10.0.0.100/24\n') + inst('VI_2', 52, '    10.0.0.101/24\n') }],
  invalid: [{ name: 'the same address in two instances', code: inst('VI_1', 51, '    10.0.0.100/24\n') + inst('VI_2', 52, '    10.0.0.100/32\n'), lines: [12], messages: ['VI_1 (line 5)'] }],
});
