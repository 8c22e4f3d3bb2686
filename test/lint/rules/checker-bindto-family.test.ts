import { ruleTester } from '../../helpers/lint.js';

const service = (rs: string, checker: string, type = 'TCP_CHECK'): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind TUN
    real_server ${rs} 80 {
        ${type} {
${checker}        }
    }
}
`;

ruleTester('checker/bindto-family', {
  valid: [
    { name: 'same family', code: service('192.0.2.11', '            connect_ip 192.0.2.11\n            bindto 192.0.2.1\n') },
    { name: 'bindto of the real server family', code: service('192.0.2.11', '            bindto 192.0.2.1\n') },
    { name: 'SMTP_CHECK takes the destination only at its end', code: service('192.0.2.11', '            bindto 2001:db8::1\n', 'SMTP_CHECK') },
  ],
  invalid: [
    { name: 'bindto after connect_ip', code: service('192.0.2.11', '            connect_ip 192.0.2.11\n            bindto 2001:db8::1\n'), lines: [8], messages: ['connect_ip 192.0.2.11'] },
    { name: 'bindto against the real server address', code: service('192.0.2.11', '            bindto 2001:db8::1\n'), lines: [7], messages: ['real server address'] },
    { name: 'connect_ip after bindto', code: service('192.0.2.11', '            bindto 192.0.2.1\n            connect_ip 2001:db8::11\n'), lines: [8], messages: ['connect_ip 2001:db8::11'] },
  ],
});
