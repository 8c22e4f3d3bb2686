import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('vrrp/ipv6-version-2', {
  valid: [
    { name: 'IPv6 with the default version', code: inst('  virtual_ipaddress {\n    fe80::1/64\n  }\n') },
    { name: 'IPv4 with version 2', code: inst('  version 2\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n') },
    { name: 'version 2 after the address is ignored (vrrp/version-conflict)', code: inst('  virtual_ipaddress {\n    fe80::1/64\n  }\n  version 2\n') },
    { name: 'strict mode is left to vrrp-strict', code: inst('  strict_mode on\n  version 2\n  virtual_ipaddress {\n    fe80::1/64\n  }\n') },
  ],
  invalid: [{ name: 'version 2 before the first IPv6 address', code: inst('  version 2\n  virtual_ipaddress {\n    fe80::1/64\n  }\n'), lines: [4], messages: ['IPv6'] }],
});
