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

ruleTester('ipvs/fwmark-protocol', {
  valid: [
    { name: 'fwmark without protocol', code: service('fwmark 7', '') },
    { name: 'group with addresses and fwmarks', code: 'virtual_server_group G {\n    192.0.2.10 80\n    fwmark 7\n}\n' + service('group G', '    protocol TCP\n') },
    { name: 'an unknown protocol is not set at all', code: service('fwmark 7', '    protocol ICMP\n') },
  ],
  invalid: [
    { name: 'fwmark service with protocol', code: service('fwmark 7', '    protocol TCP\n'), lines: [2], messages: ['fwmark'] },
    { name: 'group with only fwmarks', code: 'virtual_server_group G {\n    fwmark 7\n}\n' + service('group G', '    protocol udp\n'), lines: [5] },
  ],
});
