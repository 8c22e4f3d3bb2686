import { ruleTester } from '../../helpers/lint.js';

const inst = (ifname: string): string => `vrrp_instance VI_1 {\n  interface ${ifname}\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/loopback-interface', {
  valid: [
    { name: 'a real interface', code: inst('eth0') },
    { name: 'a name that merely starts with lo', code: inst('lo1') },
  ],
  invalid: [
    { name: 'interface lo', code: inst('lo'), lines: [2], messages: ['loopback'] },
    { name: 'interface lo (2.2.7)', code: inst('lo'), version: '2.2.7', lines: [2] },
  ],
});
