import { ruleTester } from '../../helpers/lint.js';

const service = (key: string, extra = ''): string => `virtual_server ${key} {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${extra}    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/zero-port', {
  valid: [
    { name: 'a port', code: service('192.0.2.10 80') },
    { name: 'no port but persistent', code: service('192.0.2.10', '    persistence_timeout 300\n') },
    { name: 'persistence from persistence_granularity', code: service('192.0.2.10', '    persistence_granularity 255.255.255.0\n') },
    { name: 'fwmark service', code: service('fwmark 7') },
    { name: 'group addresses with ports', code: 'virtual_server_group G {\n    192.0.2.10 80\n}\n' + service('group G') },
  ],
  invalid: [
    { name: 'no port', code: service('192.0.2.10'), lines: [1], messages: ['no port'] },
    { name: 'port 0', code: service('192.0.2.10 0'), lines: [1] },
    { name: 'group address without port', code: 'virtual_server_group G {\n    192.0.2.10\n    192.0.2.20 80\n}\n' + service('group G'), lines: [5], messages: ['192.0.2.10'] },
  ],
});
