import { ruleTester } from '../../helpers/lint.js';

const vs = (addr: string, inner = '', rs = '192.0.2.11 80'): string =>
  `virtual_server ${addr} 80 {\n    protocol TCP\n    lb_algo rr\n    lb_kind NAT\n    real_server ${rs} {\n        TCP_CHECK {\n${inner}        }\n    }\n}\n`;

ruleTester('ipvs/address-suffix', {
  valid: [
    { name: 'plain addresses', code: vs('192.0.2.10', '            connect_ip 192.0.2.11\n') },
    { name: 'IPv6', code: vs('2001:db8::10', '', '2001:db8::11 80') },
    { name: 'a range in a virtual_server_group', code: `virtual_server_group G {\n    192.0.2.10-20 80\n}\n${vs('group G').replace(' 80 {', ' {')}` },
  ],
  invalid: [
    { name: 'virtual_server address range', code: vs('192.0.2.10-20'), lines: [1], messages: ["ignores '-20'"] },
    { name: 'real_server prefix', code: vs('192.0.2.10', '', '192.0.2.11/24 80'), lines: [5], messages: ["ignores '/24'"] },
    { name: 'connect_ip and bindto', version: '2.2.7', code: vs('192.0.2.10', '            connect_ip 192.0.2.11/32\n            bindto 192.0.2.1-2\n'), lines: [7, 8] },
  ],
});
