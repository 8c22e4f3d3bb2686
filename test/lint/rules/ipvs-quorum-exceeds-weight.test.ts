import { ruleTester } from '../../helpers/lint.js';

const service = (extra: string, w1 = '', w2 = ''): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${extra}    real_server 192.0.2.11 80 {
${w1}        TCP_CHECK {
        }
    }
    real_server 192.0.2.12 80 {
${w2}        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/quorum-exceeds-weight', {
  valid: [
    { name: 'default quorum 1', code: service('') },
    { name: 'quorum equal to the total weight', code: service('    quorum 2\n') },
    { name: 'weights from the virtual server', code: service('    weight 3\n    quorum 6\n') },
    { name: 'one server with weight 0', code: service('', '        weight 0\n') },
  ],
  invalid: [
    { name: 'quorum above the total', code: service('    quorum 5\n'), lines: [5], messages: ['quorum 5'] },
    { name: 'all weights 0 with the default quorum', code: service('', '        weight 0\n', '        weight 0\n'), lines: [1], messages: ['default quorum 1'] },
    { name: 'a duplicate server does not count', code: service('    quorum 2\n').replace('192.0.2.12 80', '192.0.2.11 80'), lines: [5], messages: ['total weight 1'] },
  ],
});
