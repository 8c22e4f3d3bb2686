import { ruleTester } from '../../helpers/lint.js';

const service = (key: string, proto: string): string => `virtual_server ${key} {
${proto}    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/protocol-missing', {
  valid: [
    { name: 'protocol given', code: service('192.0.2.10 80', '    protocol TCP\n') },
    { name: 'fwmark service', code: service('fwmark 7', '') },
    { name: 'group with only fwmarks', code: 'virtual_server_group G {\n    fwmark 7\n}\n' + service('group G', '') },
  ],
  invalid: [
    { name: 'address service without protocol', code: service('192.0.2.10 80', ''), lines: [1], messages: ['UDP'] },
    { name: 'group with addresses', code: 'virtual_server_group G {\n    192.0.2.10 80\n}\n' + service('group G', ''), lines: [4] },
  ],
});
