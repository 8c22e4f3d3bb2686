import { ruleTester } from '../../helpers/lint.js';

const service = (vsExtra: string, rsExtra = '', global = ''): string => `${global}virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    omega
${vsExtra}    real_server 192.0.2.11 80 {
${rsExtra}        TCP_CHECK {
        }
    }
}
`;

const secure = 'global_defs {\n    script_user root\n    enable_script_security\n}\n';

ruleTester('ipvs/omega-without-effect', {
  valid: [
    { name: 'a quorum_down script', code: service('    quorum_down /bin/true\n', '', secure) },
    { name: 'a real server notify_down', code: service('', '        notify_down /bin/true\n', secure) },
    { name: 'an smtp server', code: service('', '', 'global_defs {\n    smtp_server 192.0.2.25\n}\n') },
  ],
  invalid: [{ name: 'nothing to notify', code: service(''), lines: [5], messages: ['no effect'] }],
});
