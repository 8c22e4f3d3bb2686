import { ruleTester } from '../../helpers/lint.js';

const service = (key: string, method: string, sorry: string, proto = '    protocol TCP\n'): string => `virtual_server ${key} {
${proto}    lb_algo rr
    lb_kind ${method}
    sorry_server ${sorry}
    real_server 192.0.2.11 {
        PING_CHECK {
        }
    }
}
`;

ruleTester('ipvs/sorry-server-port', {
  valid: [
    { name: 'DR with the service port', code: service('192.0.2.10 80', 'DR', '192.0.2.99 80') },
    { name: 'NAT with another port', code: service('192.0.2.10 80', 'NAT', '192.0.2.99 8080') },
    { name: 'fwmark without port', code: service('fwmark 7', 'DR', '192.0.2.99', '') },
  ],
  invalid: [
    { name: 'DR with another port', code: service('192.0.2.10 80', 'DR', '192.0.2.99 81'), lines: [5], messages: ['81'] },
    { name: 'fwmark with a port', code: service('fwmark 7', 'DR', '192.0.2.99 80', ''), lines: [4], messages: ['fwmark'] },
  ],
});
