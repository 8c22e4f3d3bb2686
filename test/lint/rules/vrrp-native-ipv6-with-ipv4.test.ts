import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('vrrp/native-ipv6-with-ipv4', {
  valid: [
    { name: 'native_ipv6 first', code: inst('  native_ipv6\n  virtual_ipaddress {\n    fe80::1/64\n  }\n') },
    { name: 'no native_ipv6', code: inst('  mcast_src_ip 10.0.0.1\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n') },
  ],
  invalid: [
    { name: 'after mcast_src_ip', code: inst('  mcast_src_ip 10.0.0.1\n  native_ipv6\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n'), lines: [5], messages: ['line 4'] },
    { name: 'after an IPv4 virtual address', code: inst('  virtual_ipaddress {\n    10.0.0.100/24\n  }\n  native_ipv6\n'), lines: [7], messages: ['line 5'] },
  ],
});
