import { ruleTester } from '../../helpers/lint.js';

const service = (key: string, extra: string): string => `virtual_server ${key} {
${extra}    lb_algo rr
    lb_kind DR
    ha_suspend
    real_server 192.0.2.11 {
        PING_CHECK {
        }
    }
}
`;

ruleTester('ipvs/ha-suspend-fwmark', {
  valid: [{ name: 'address service', code: service('192.0.2.10', '    protocol TCP\n    persistence_timeout 60\n') }],
  invalid: [
    { name: 'fwmark service', code: service('fwmark 7', ''), lines: [4], messages: ['fwmark'] },
    { name: 'group containing a fwmark', code: 'virtual_server_group G {\n    192.0.2.10 80\n    fwmark 7\n}\n' + service('group G', '    protocol TCP\n'), lines: [9], messages: ['virtual_server_group G'] },
  ],
});
