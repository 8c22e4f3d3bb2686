import { ruleTester } from '../../helpers/lint.js';

const url = (lines: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        HTTP_GET {
            url {
                path /
                regex "ok"
${lines}            }
        }
    }
}
`;

ruleTester('checker/regex-offsets', {
  valid: [
    { name: 'min below max', code: url('                regex_min_offset 10\n                regex_max_offset 100\n') },
    { name: 'min equal to max', code: url('                regex_min_offset 10\n                regex_max_offset 10\n') },
  ],
  invalid: [{ name: 'min above max', code: url('                regex_min_offset 100\n                regex_max_offset 10\n'), lines: [10], messages: ['regex_max_offset 10'] }],
});
