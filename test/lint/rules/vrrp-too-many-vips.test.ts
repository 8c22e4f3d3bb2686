import { ruleTester } from '../../helpers/lint.js';

const addrs = (n: number, v6: boolean): string => Array.from({ length: n }, (_, i) => (v6 ? `    fd00::${(i + 1).toString(16)}/64` : `    10.${Math.floor((i + 1) / 250)}.${(i + 1) % 250}.1/32`)).join('\n');
const inst = (n: number, v6: boolean): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n${addrs(n, v6)}\n  }\n}\n`;

ruleTester('vrrp/too-many-vips', {
  valid: [
    { name: '89 IPv6 addresses fit at MTU 1500', code: inst(89, true) },
    { name: '255 IPv4 addresses fit', code: inst(255, false) },
  ],
  invalid: [
    { name: '90 IPv6 addresses: the 90th is the first moved', code: inst(90, true), lines: [94], messages: ['at most 89'] },
    { name: '256 IPv4 addresses', code: inst(256, false), lines: [260], messages: ['at most 255'] },
  ],
});
