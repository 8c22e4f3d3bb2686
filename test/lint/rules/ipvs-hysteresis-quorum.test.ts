import { ruleTester } from '../../helpers/lint.js';

const service = (extra: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${extra}    real_server 192.0.2.11 80 {
        weight 4
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/hysteresis-quorum', {
  valid: [
    { name: 'hysteresis below quorum', code: service('    quorum 3\n    hysteresis 2\n') },
    { name: 'hysteresis 0', code: service('    hysteresis 0\n') },
  ],
  invalid: [
    { name: 'equal to quorum', code: service('    quorum 2\n    hysteresis 2\n'), lines: [6], messages: ['hysteresis 2'] },
    { name: 'default quorum 1', code: service('    hysteresis 1\n'), lines: [5] },
    { name: 'quorum lowered to the total weight first', code: service('    quorum 10\n    hysteresis 4\n'), lines: [6], messages: ['quorum 4'] },
  ],
});
