import { ruleTester } from '../../helpers/lint.js';

const inst = (extra: string): string => `vrrp_instance VI_1 {\n  interface eth1\n  use_ipvlan 10.1.0.9/24\n${extra}  virtual_router_id 54\n  virtual_ipaddress {\n    10.1.0.104/24\n  }\n}\n`;

ruleTester('vrrp/unicast-ipvlan', {
  valid: [
    { name: 'multicast ipvlan', code: inst('') },
    { name: 'with vmac_xmit_base written, vrrp/vmac-xmit-base-without-vmac reports it', code: inst('  vmac_xmit_base\n  unicast_peer {\n    10.1.0.2\n  }\n') },
  ],
  invalid: [{ name: 'unicast ipvlan', code: inst('  unicast_peer {\n    10.1.0.2\n  }\n'), lines: [3], messages: ['ipvlan'] }],
});
