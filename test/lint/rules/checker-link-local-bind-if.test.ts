import { ruleTester } from '../../helpers/lint.js';

const service = (rs: string, checker: string, type = 'TCP_CHECK'): string => `virtual_server 2001:db8::10 80 {
    protocol TCP
    lb_algo rr
    lb_kind TUN
    real_server ${rs} 80 {
        ${type} {
${checker}        }
    }
}
`;

ruleTester('checker/link-local-bind-if', {
  valid: [
    { name: 'with bind_if', code: service('2001:db8::11', '            connect_ip fe80::11\n            bind_if eth0\n') },
    { name: 'a global address', code: service('2001:db8::11', '') },
    { name: 'MISC_CHECK does not connect', code: service('fe80::11', '            misc_path "/bin/true"\n', 'MISC_CHECK').replace('virtual_server', 'global_defs {\n    script_user root\n    enable_script_security\n}\nvirtual_server') },
  ],
  invalid: [
    { name: 'connect_ip link-local', code: service('2001:db8::11', '            connect_ip fe80::11\n'), lines: [8], messages: ['fe80::11'] },
    { name: 'link-local real server', code: service('fe80::11', ''), lines: [7], messages: ['TCP_CHECK'] },
  ],
});
