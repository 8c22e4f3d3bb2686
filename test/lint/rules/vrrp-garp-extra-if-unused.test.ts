import { ruleTester } from '../../helpers/lint.js';

const inst = (garp: string, vips: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  ${garp}\n  virtual_ipaddress {\n${vips}  }\n}\n`;

ruleTester('vrrp/garp-extra-if-unused', {
  valid: [
    { name: 'all with an address on another interface', code: inst('garp_extra_if all 30', '    10.0.0.100/24\n    10.1.0.100/24 dev eth1\n') },
    { name: 'an address on an extra VMAC', code: inst('garp_extra_if 30', '    10.0.0.100/24\n    10.1.0.100/24 dev eth1 use_vmac\n') },
    { name: '0 turns it off anyway', code: inst('garp_extra_if 0', '    10.0.0.100/24\n') },
  ],
  invalid: [
    { name: 'only addresses on the own interface', code: inst('garp_extra_if all 30', '    10.0.0.100/24\n'), lines: [4] },
    { name: 'another interface needs `all`', code: inst('garp_extra_if 30', '    10.0.0.100/24\n    10.1.0.100/24 dev eth1\n'), lines: [4], messages: ['extra VMAC'] },
  ],
});
