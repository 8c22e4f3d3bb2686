import { ruleTester } from '../../helpers/lint.js';

const inst = (extra: string): string => `vrrp_instance VI_1 {\n  interface eth0\n${extra}  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/vmac-xmit-base-without-vmac', {
  valid: [{ name: 'with use_vmac', code: inst('  use_vmac\n  vmac_xmit_base\n') }],
  invalid: [
    { name: 'without use_vmac', code: inst('  vmac_xmit_base\n'), lines: [3] },
    { name: 'with use_ipvlan', code: inst('  use_ipvlan 10.0.0.9/24\n  vmac_xmit_base\n'), lines: [4], messages: ['use_ipvlan'] },
  ],
});
