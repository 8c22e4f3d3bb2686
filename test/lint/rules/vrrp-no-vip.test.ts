import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('vrrp/no-vip', {
  valid: [
    { name: 'one virtual address', code: inst('  virtual_ipaddress {\n    10.0.0.100/24\n  }\n') },
    { name: 'no_virtual_ipaddress (2.2.8+)', code: inst('  no_virtual_ipaddress\n') },
  ],
  invalid: [
    { name: 'VRRPv2 without addresses: "sensible", -t still fails', code: inst(''), lines: [1], messages: ['at least one is sensible'] },
    { name: 'VRRPv3 without addresses: required', code: inst('  version 3\n'), lines: [1], messages: ['requires at least one with VRRPv3'] },
    { name: 'strict mode without addresses', code: inst('  strict_mode on\n'), lines: [1], messages: ['in strict mode'] },
    { name: 'no_virtual_ipaddress is unknown to 2.2.7', code: inst('  no_virtual_ipaddress\n'), version: '2.2.7', lines: [1] },
    { name: 'no_virtual_ipaddress does not count in strict mode', code: inst('  strict_mode on\n  no_virtual_ipaddress\n'), lines: [1] },
    { name: '2.2.7 requires an address for every IPv6 instance', code: inst('  mcast_src_ip fd00::1\n'), version: '2.2.7', lines: [1], messages: ['IPv6'] },
    {
      name: 'an empty block, reported at the block',
      code: inst('  virtual_ipaddress {\n  }\n'),
      lines: [4],
    },
    {
      name: 'the only address is of the other family',
      code: inst('  mcast_src_ip 10.0.0.1\n  virtual_ipaddress {\n    fd00::100/64\n  }\n'),
      lines: [5],
      messages: ['usable'],
    },
  ],
});
