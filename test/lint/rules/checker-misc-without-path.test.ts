import { ruleTester } from '../../helpers/lint.js';

const service = (body: string): string => `global_defs {
    script_user root
    enable_script_security
}
virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        MISC_CHECK {
${body}        }
    }
}
`;

ruleTester('checker/misc-without-path', {
  valid: [{ name: 'misc_path given', code: service('            misc_path "/bin/true"\n') }],
  invalid: [{ name: 'no misc_path', code: service('            misc_timeout 5\n'), lines: [12], messages: ['misc_path'] }],
});
