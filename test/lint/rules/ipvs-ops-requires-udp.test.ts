import { ruleTester } from '../../helpers/lint.js';

const service = (key: string, proto: string): string => `virtual_server ${key} {
${proto}    lb_algo rr
    lb_kind NAT
    ops
    real_server 192.0.2.11 53 {
        UDP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/ops-requires-udp', {
  valid: [
    { name: 'UDP service', code: service('192.0.2.10 53', '    protocol UDP\n') },
    { name: 'fwmark service', code: service('fwmark 7', '') },
  ],
  invalid: [
    { name: 'TCP service', code: service('192.0.2.10 53', '    protocol TCP\n'), lines: [5], messages: ['TCP'] },
    { name: 'SCTP service', code: service('192.0.2.10 53', '    protocol sctp\n'), lines: [5], messages: ['SCTP'] },
  ],
});
