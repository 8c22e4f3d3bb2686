import { ruleTester } from '../../helpers/lint.js';

const service = (type: string): string => `virtual_server 192.0.2.10 443 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 443 {
        ${type} {
            url {
                path /
            }
        }
    }
}
`;
const ssl = 'SSL {\n    ca /etc/ssl/ca.pem\n}\n';

ruleTester('checker/ssl-context', {
  valid: [
    { name: 'SSL_GET with an SSL block', code: ssl + service('SSL_GET') },
    { name: 'HTTP_GET only', code: service('HTTP_GET') },
  ],
  invalid: [
    { name: 'SSL_GET without SSL block', code: service('SSL_GET'), lines: [6], messages: ['default TLS context'] },
    { name: 'unused SSL block', code: ssl + service('HTTP_GET'), lines: [1], messages: ['not used'] },
  ],
});
