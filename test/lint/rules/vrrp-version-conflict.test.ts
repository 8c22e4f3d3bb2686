import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('vrrp/version-conflict', {
  valid: [
    { name: 'one version', code: inst('  version 3\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n') },
    { name: 'the same version twice', code: inst('  version 3\n  version 3\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n') },
    { name: 'version 2 before the IPv6 address (accepted)', code: inst('  version 2\n  virtual_ipaddress {\n    fe80::1/64\n  }\n') },
  ],
  invalid: [
    { name: 'a second, different version', code: inst('  version 3\n  version 2\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n'), lines: [5], messages: ['keeps version 3'] },
    { name: 'version 2 after an IPv6 address', code: inst('  virtual_ipaddress {\n    fe80::1/64\n  }\n  version 2\n'), lines: [7], messages: ['line 5'] },
    { name: 'version 2 after native_ipv6', code: inst('  native_ipv6\n  version 2\n  virtual_ipaddress {\n    fe80::1/64\n  }\n'), lines: [5], messages: ['native_ipv6'] },
  ],
});
