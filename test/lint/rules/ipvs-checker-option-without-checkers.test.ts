import { ruleTester } from '../../helpers/lint.js';

const service = (vsExtra: string, rsBody: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${vsExtra}    real_server 192.0.2.11 80 {
${rsBody}    }
}
`;

ruleTester('ipvs/checker-option-without-checkers', {
  valid: [
    { name: 'alpha with a checker', code: service('    alpha\n', '        TCP_CHECK {\n        }\n') },
    { name: 'real server inhibit with a checker', code: service('', '        inhibit_on_failure\n        TCP_CHECK {\n        }\n') },
    { name: 'inhibit_on_failure false', code: service('', '        inhibit_on_failure false\n') },
  ],
  invalid: [
    { name: 'virtual server alpha, no checker anywhere', code: service('    alpha\n', ''), lines: [5], messages: ['none of its real servers'] },
    { name: 'real server inhibit_on_failure without checker', code: service('', '        inhibit_on_failure\n'), lines: [6] },
  ],
});
