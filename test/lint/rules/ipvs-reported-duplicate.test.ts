import { ruleTester } from '../../helpers/lint.js';

const service = (vsExtra: string, rsExtra: string): string => `global_defs {
    script_user root
    enable_script_security
}
virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${vsExtra}    real_server 192.0.2.11 80 {
${rsExtra}        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/reported-duplicate', {
  valid: [
    { name: 'once each', code: service('    quorum_up /bin/true\n    virtualhost a.example.com\n', '        notify_up /bin/true\n') },
    { name: 'virtualhost twice: 2.2.7 replaces silently', code: service('    virtualhost a.example.com\n    virtualhost b.example.com\n', ''), version: '2.2.7' },
    { name: 'a keyword keepalived replaces silently', code: service('    delay_loop 5\n    delay_loop 6\n', '') },
  ],
  invalid: [
    { name: 'notify_up twice (first kept)', code: service('', '        notify_up /bin/true\n        notify_up /bin/false\n'), lines: [11], messages: ['keeps the first'] },
    { name: 'quorum_down twice', code: service('    quorum_down /bin/true\n    quorum_down /bin/false\n', ''), lines: [10] },
    { name: 'virtualhost twice in 2.3.2', code: service('    virtualhost a.example.com\n    virtualhost b.example.com\n', ''), lines: [10], messages: ['replaces'] },
    { name: 'real server snmp_name twice in 2.3.2', code: service('', '        snmp_name a\n        snmp_name b\n'), lines: [11] },
    { name: 'SSL block twice', code: 'SSL {\n    ca /etc/ssl/a.pem\n}\nSSL {\n    ca /etc/ssl/b.pem\n}\n', lines: [4], messages: ['whole first one'] },
    { name: 'SSL key twice', code: 'SSL {\n    key /etc/ssl/a.key\n    key /etc/ssl/b.key\n}\n', version: '2.2.7', lines: [3] },
  ],
});
