import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string, vip = '10.0.0.100/24'): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;

ruleTester('vrrp/advert-int', {
  valid: [
    { name: 'whole seconds with VRRPv2', code: inst('  advert_int 3\n') },
    { name: 'sub-second with version 3', code: inst('  version 3\n  advert_int 0.25\n') },
    { name: 'sub-second with global vrrp_version 3', code: `global_defs {\n  vrrp_version 3\n}\n${inst('  advert_int 0.5\n')}` },
    { name: 'sub-second for an IPv6 instance (VRRPv3)', code: inst('  advert_int 0.1\n', 'fe80::1/64') },
  ],
  invalid: [
    { name: 'fraction with VRRPv2', code: inst('  advert_int 1.5\n'), lines: [4], messages: ['rounds it to 2'] },
    { name: 'v3: not a multiple of 10 ms', code: inst('  version 3\n  advert_int 0.255\n'), lines: [5], messages: ['0.26'] },
    { name: 'v3: 40.96 s or more', code: inst('  advert_int 41\n', 'fe80::1/64'), lines: [4], messages: ['40.95'] },
    { name: 'the same in 2.2.7', code: inst('  advert_int 0.5\n'), version: '2.2.7', lines: [4], messages: ['rounds it to 1'] },
  ],
});
