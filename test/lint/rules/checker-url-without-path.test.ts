import { ruleTester } from '../../helpers/lint.js';

const service = (urls: string, type = 'HTTP_GET'): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        ${type} {
${urls}        }
    }
}
`;

ruleTester('checker/url-without-path', {
  valid: [{ name: 'path given', code: service('            url {\n                path /\n            }\n') }],
  invalid: [
    { name: 'no path (at the url closing brace)', code: service('            url {\n                path /\n            }\n            url {\n                status_code 200\n            }\n'), lines: [12], messages: ['no `path`'] },
    { name: 'in SSL_GET', code: service('            url {\n                digest 9b3a0c85a887a256d6939da88aabd8cd\n            }\n            url {\n                path /\n            }\n', 'SSL_GET'), lines: [9] },
  ],
});
