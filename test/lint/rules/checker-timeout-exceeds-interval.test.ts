import { ruleTester } from '../../helpers/lint.js';

const service = (vs: string, checker: string, type = 'TCP_CHECK', rs = ''): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${vs}    real_server 192.0.2.11 80 {
${rs}        ${type} {
${checker}        }
    }
}
`;

ruleTester('checker/timeout-exceeds-interval', {
  valid: [
    { name: 'defaults (5 s timeout, 60 s loop)', code: service('', '') },
    { name: 'timeout below the loop', code: service('    delay_loop 10\n', '            connect_timeout 3\n') },
    { name: 'only written timeouts count (default 5 s)', code: service('    delay_loop 2\n', '') },
    { name: 'checker loop overrides the service', code: service('    delay_loop 2\n', '            delay_loop 20\n            connect_timeout 5\n') },
  ],
  invalid: [
    { name: 'checker timeout above the service loop', code: service('    delay_loop 2\n', '            connect_timeout 10\n'), lines: [8], messages: ['connect_timeout 10'] },
    { name: 'real server timeout', code: service('', '            delay_loop 1\n', 'TCP_CHECK', '        connect_timeout 3\n'), lines: [6] },
    { name: 'MISC_CHECK timeout', code: service('', '            misc_path /bin/true\n            misc_timeout 90\n', 'MISC_CHECK'), lines: [8], messages: ['misc_timeout 90'] },
  ],
});
