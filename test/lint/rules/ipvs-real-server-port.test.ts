import { ruleTester } from '../../helpers/lint.js';

const service = (key: string, method: string, rs: string, rsBody = ''): string => `virtual_server ${key} {
    lb_algo rr
    lb_kind ${method}
    real_server ${rs} {
${rsBody}        PING_CHECK {
        }
    }
}
`;
const tcp = (key: string, method: string, rs: string, rsBody = ''): string => service(key, method, rs, rsBody).replace('    lb_algo', '    protocol TCP\n    lb_algo');

ruleTester('ipvs/real-server-port', {
  valid: [
    { name: 'DR with the service port', code: tcp('192.0.2.10 80', 'DR', '192.0.2.11 80') },
    { name: 'DR without a port', code: tcp('192.0.2.10 80', 'DR', '192.0.2.11') },
    { name: 'NAT may change the port', code: tcp('192.0.2.10 80', 'NAT', '192.0.2.11 8080') },
    { name: 'fwmark DR without port', code: service('fwmark 7', 'DR', '192.0.2.11') },
    { name: 'group ports match', code: 'virtual_server_group G {\n    192.0.2.10 80\n    192.0.2.20 80\n}\n' + tcp('group G', 'DR', '192.0.2.11 80') },
  ],
  invalid: [
    { name: 'DR with another port', code: tcp('192.0.2.10 80', 'DR', '192.0.2.11 8080'), lines: [5], messages: ['8080'] },
    { name: 'TUN on the real server itself', code: tcp('192.0.2.10 80', 'NAT', '192.0.2.11 8080', '        lvs_method TUN\n'), lines: [5], messages: ['(TUN)'] },
    { name: 'fwmark DR with a port', code: service('fwmark 7', 'DR', '192.0.2.11 80'), lines: [4], messages: ['fwmark service'] },
    {
      name: 'group address without port and a real server port',
      code: 'virtual_server_group G {\n    192.0.2.10 80\n    192.0.2.20\n}\n' + tcp('group G', 'DR', '192.0.2.11 80').replace('    lb_algo', '    persistence_timeout 60\n    lb_algo'),
      lines: [10], messages: ['192.0.2.20 (no port)'],
    },
    { name: 'group with a fwmark', code: 'virtual_server_group G {\n    fwmark 7\n}\n' + service('group G', 'DR', '192.0.2.11 80'), lines: [7], messages: ['has fwmarks'] },
  ],
});
