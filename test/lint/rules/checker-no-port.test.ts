import { ruleTester } from '../../helpers/lint.js';

const service = (key: string, rs: string, checker: string, type = 'TCP_CHECK'): string => `virtual_server ${key} {
    lb_algo rr
    lb_kind DR
    real_server ${rs} {
        ${type} {
${checker}        }
    }
}
`;

ruleTester('checker/no-port', {
  valid: [
    { name: 'connect_port given', code: service('fwmark 7', '192.0.2.11', '            connect_port 80\n') },
    { name: 'port on the real server', code: service('192.0.2.10 80', '192.0.2.11 80', '').replace('    lb_algo', '    protocol TCP\n    lb_algo') },
    { name: 'PING_CHECK needs no port', code: service('fwmark 7', '192.0.2.11', '', 'PING_CHECK') },
  ],
  invalid: [
    { name: 'fwmark service', code: service('fwmark 7', '192.0.2.11', ''), lines: [5], messages: ['port 0'] },
    {
      name: 'address service, real server without port',
      code: service('192.0.2.10 80', '192.0.2.11', '            url {\n                path /\n            }\n', 'HTTP_GET').replace('    lb_algo', '    protocol TCP\n    lb_algo'),
      lines: [6],
      messages: ['HTTP_GET'],
    },
  ],
});
