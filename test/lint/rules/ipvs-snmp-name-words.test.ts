import { ruleTester } from '../../helpers/lint.js';

const service = (vs: string, rs: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${vs}    real_server 192.0.2.11 80 {
${rs}        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/snmp-name-words', {
  valid: [
    { name: 'one word', code: service('    snmp_name web\n', '        snmp_name web1\n') },
    { name: 'quoted', code: service('    snmp_name "web farm"\n', '') },
  ],
  invalid: [
    { name: 'virtual server', code: service('    snmp_name web farm\n', ''), lines: [5], messages: ['one word'] },
    { name: 'real server', code: service('', '        snmp_name a b c\n'), lines: [6] },
  ],
});
