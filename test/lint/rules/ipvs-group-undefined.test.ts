import { ruleTester } from '../../helpers/lint.js';

const service = (key: string): string => `virtual_server ${key} {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;
const group = 'virtual_server_group WEB {\n    192.0.2.10 80\n}\n';

ruleTester('ipvs/group-undefined', {
  valid: [
    { name: 'the group is defined', code: group + service('group WEB') },
    { name: 'the group may be defined after the service', code: service('group WEB') + group },
    { name: 'an address service', code: service('192.0.2.10 80') },
  ],
  invalid: [
    { name: 'a misspelt group name', code: group + service('group WBE'), lines: [4], messages: ['WBE'] },
    { name: 'no group at all', code: service('group NOSUCH'), lines: [1], messages: ['NOSUCH'] },
  ],
});
