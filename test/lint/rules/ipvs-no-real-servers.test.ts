import { ruleTester } from '../../helpers/lint.js';

const service = (rs: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${rs}}
`;
const real = (addr: string): string => `    real_server ${addr} {\n        TCP_CHECK {\n        }\n    }\n`;

ruleTester('ipvs/no-real-servers', {
  valid: [
    { name: 'one real server', code: service(real('192.0.2.11 80')) },
    { name: 'one of two kept', code: service(real('2001:db8::11 80') + real('192.0.2.11 80')).replace('192.0.2.10 80', 'fwmark 7').replace('    protocol TCP\n', '') },
  ],
  invalid: [
    { name: 'none written (2.3.2: at the closing brace)', code: service(''), lines: [5], messages: ['has no real server'] },
    { name: 'none written (2.2.7: no line, at the virtual_server)', code: service(''), version: '2.2.7', lines: [1] },
    { name: 'the only one has the wrong family', code: service(real('2001:db8::11 80')), lines: [9], messages: ['rejected every one'] },
    { name: 'the only one has a bad port', code: service(real('192.0.2.11 65536')), lines: [9] },
  ],
});
