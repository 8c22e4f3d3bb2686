import { ruleTester } from '../../helpers/lint.js';

const inst = (ipvlan: string, vip = '10.0.0.100/24'): string => `vrrp_instance VI_1 {\n  interface eth0\n  ${ipvlan}\n  virtual_router_id 51\n  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;

ruleTester('vrrp/ipvlan-without-address', {
  valid: [
    { name: 'with an address', code: inst('use_ipvlan ipvl1 10.0.0.56/24 private') },
    { name: 'IPv6 needs none', code: inst('use_ipvlan', 'fe80::1/64') },
  ],
  invalid: [
    { name: 'bare use_ipvlan', code: inst('use_ipvlan'), lines: [3] },
    { name: 'name and mode only', code: inst('use_ipvlan ipvl1 bridge'), lines: [3] },
  ],
});
