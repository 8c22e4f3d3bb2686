import { ruleTester } from '../../helpers/lint.js';

const service = (codes: string, type = 'HTTP_GET'): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        ${type} {
            url {
                path /
                status_code ${codes}
            }
        }
    }
}
`;

ruleTester('checker/status-code-range', {
  valid: [
    { name: 'ranges in order', code: service('200-299 301 400-400') },
  ],
  invalid: [
    { name: 'reversed range', code: service('299-200'), lines: [9], messages: ['backwards'] },
    { name: 'in SSL_GET', code: service('204 310-301', 'SSL_GET'), lines: [9] },
  ],
});
