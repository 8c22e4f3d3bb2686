import { ruleTester } from '../../helpers/lint.js';

const service = (checker: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
${checker}    }
}
`;
const url = (lines: string): string => service(`        HTTP_GET {\n            url {\n                path /\n${lines}            }\n        }\n`);

ruleTester('checker/reported-duplicate', {
  valid: [
    { name: 'once each', code: url('                digest 9b3a0c85a887a256d6939da88aabd8cd\n') },
    { name: 'path twice in 2.2.7', code: url('                path /b\n'), version: '2.2.7' },
    { name: 'a keyword replaced silently', code: service('        TCP_CHECK {\n            connect_port 80\n            connect_port 81\n        }\n') },
  ],
  invalid: [
    { name: 'digest twice (first kept)', code: url('                digest 9b3a0c85a887a256d6939da88aabd8cd\n                digest 0123456789abcdef0123456789abcdef\n'), lines: [10], messages: ['keeps the first'] },
    { name: 'path twice in 2.3.2', code: url('                path /b\n'), lines: [9], messages: ['replaces'] },
    { name: 'DNS name twice', code: service('        DNS_CHECK {\n            connect_port 53\n            name ab.example.com\n            name cd.example.com\n        }\n'), lines: [9] },
    { name: 'helo_name twice in 2.3.2', code: service('        SMTP_CHECK {\n            helo_name a\n            helo_name b\n        }\n'), lines: [8] },
  ],
});
