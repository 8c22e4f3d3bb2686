import { ruleTester } from '../../helpers/lint.js';

const service = (body: string, type = 'HTTP_GET'): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        ${type} {
${body}        }
    }
}
`;

ruleTester('checker/http-without-url', {
  valid: [{ name: 'a url with a path', code: service('            url {\n                path /\n            }\n') }],
  invalid: [
    { name: 'no url', code: service('            connect_port 80\n'), lines: [8], messages: ['no url'] },
    { name: 'no url, 2.2.7 crashes', code: service(''), version: '2.2.7', lines: [7], messages: ['crashes'] },
    { name: 'only urls without path', code: service('            url {\n                status_code 200\n            }\n', 'SSL_GET'), lines: [10] },
  ],
});
