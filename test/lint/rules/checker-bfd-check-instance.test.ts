import { ruleTester } from '../../helpers/lint.js';

const service = (checkers: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
${checkers}    }
}
`;
const bfd = (extra = ''): string => `bfd_instance B {\n    neighbor_ip 192.0.2.11\n${extra}}\n`;
const check = '        BFD_CHECK {\n            name B\n        }\n';

ruleTester('checker/bfd-check-instance', {
  valid: [
    { name: 'defined above', code: bfd() + service(check) },
    { name: 'for both processes', code: bfd('    vrrp\n    checker\n') + service(check) },
  ],
  invalid: [
    { name: 'not defined', code: service(check), lines: [7], messages: ['not defined'] },
    { name: 'defined below', code: service(check) + bfd(), lines: [7], messages: ['further down'] },
    { name: 'VRRP only', code: bfd('    vrrp\n') + service(check), lines: [11], messages: ['VRRP process'] },
    { name: 'twice in one real server', code: bfd() + service(check + check), lines: [13], messages: ['already has'] },
  ],
});
