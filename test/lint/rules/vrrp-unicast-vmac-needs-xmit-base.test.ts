import { ruleTester } from '../../helpers/lint.js';

const inst = (extra: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  use_vmac\n${extra}  virtual_router_id 51\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/unicast-vmac-needs-xmit-base', {
  valid: [
    { name: 'with vmac_xmit_base', code: inst('  vmac_xmit_base\n') },
    { name: 'multicast VMAC', code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n' },
  ],
  invalid: [{ name: 'unicast VMAC without vmac_xmit_base', code: inst(''), lines: [3], endLines: [11] }],
});
