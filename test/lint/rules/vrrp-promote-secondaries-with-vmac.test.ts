import { ruleTester } from '../../helpers/lint.js';

const inst = (extra: string): string => `vrrp_instance VI_1 {\n  interface eth0\n${extra}  promote_secondaries\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/promote-secondaries-with-vmac', {
  valid: [{ name: 'without VMAC', code: inst('') }],
  invalid: [
    { name: 'with use_vmac', code: inst('  use_vmac\n'), lines: [4], messages: ['VMAC'] },
    { name: 'with use_ipvlan', code: inst('  use_ipvlan 10.0.0.9/24\n'), lines: [4], messages: ['ipvlan'] },
  ],
});
