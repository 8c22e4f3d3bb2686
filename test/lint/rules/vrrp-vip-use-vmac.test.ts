import { ruleTester } from '../../helpers/lint.js';

const inst = (extra: string, vips: string): string => `vrrp_instance VI_1 {\n  interface eth0\n${extra}  virtual_router_id 51\n  virtual_ipaddress {\n${vips}  }\n}\n`;

ruleTester('vrrp/vip-use-vmac', {
  valid: [
    { name: 'use_vmac on an address of another interface', code: inst('', '    10.0.0.100/24\n    10.1.0.100/24 dev eth1 use_vmac\n') },
    { name: 'instance VMAC, address on another interface', code: inst('  use_vmac\n', '    10.0.0.100/24\n    10.1.0.100/24 dev eth1 use_vmac\n') },
  ],
  invalid: [
    { name: 'instance VMAC and use_vmac on its own address', code: inst('  use_vmac\n', '    10.0.0.100/24 use_vmac\n'), lines: [6], messages: ['already uses a VMAC'] },
    { name: 'use_vmac_addr and use_vmac on another interface', code: inst('  use_vmac_addr\n', '    10.0.0.100/24\n    10.1.0.100/24 dev eth1 use_vmac\n'), lines: [7], messages: ['use_vmac_addr'] },
  ],
});
