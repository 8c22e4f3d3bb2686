import { ruleTester } from '../../helpers/lint.js';

const url = (lines: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        HTTP_GET {
            url {
                path /
${lines}            }
        }
    }
}
`;

ruleTester('checker/regex-without-regex', {
  valid: [
    { name: 'with regex', code: url('                regex "ok"\n                regex_no_match\n') },
    { name: 'regex_min_offset 0 is no setting', code: url('                regex_min_offset 0\n') },
  ],
  invalid: [
    { name: 'regex_no_match alone', code: url('                regex_no_match\n'), lines: [9], messages: ['`regex_no_match`'] },
    { name: 'several settings', code: url('                regex_options caseless\n                regex_max_offset 100\n'), lines: [9], messages: ['`regex_options`, `regex_max_offset`'] },
  ],
});
