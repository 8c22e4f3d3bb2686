import { ruleTester } from '../../helpers/lint.js';

const inst = (iface: string): string => `vrrp_instance VI_1 {\n${iface}  use_vmac\n  vmac_xmit_base\n  virtual_router_id 51\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress {\n    10.0.0.100/24 dev eth0\n  }\n}\n`;

ruleTester('vrrp/unicast-vmac-without-interface', {
  valid: [{ name: 'with interface', code: inst('  interface eth0\n') }],
  invalid: [
    { name: 'unicast VMAC without interface', code: inst(''), lines: [2], messages: ['use_vmac'] },
    { name: 'also reported by 2.2.7', code: inst(''), version: '2.2.7', lines: [2] },
  ],
});
