import { ruleTester } from '../../helpers/lint.js';

const service = (body: string): string => `bfd_instance B {
    neighbor_ip 192.0.2.11
}
virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        BFD_CHECK {
${body}        }
    }
}
`;

ruleTester('checker/bfd-check-without-name', {
  valid: [{ name: 'name given', code: service('            name B\n') }],
  invalid: [{ name: 'no name', code: service('            alpha\n'), lines: [11], messages: ['no `name`'] }],
});
