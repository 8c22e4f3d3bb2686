import { ruleTester } from '../../helpers/lint.js';

const config = (sorry: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${sorry}
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/sorry-server-family', {
  valid: [
    { name: 'same family', code: config('    sorry_server 192.0.2.99 80') },
    { name: 'tunnelled sorry server', code: config('    sorry_server 2001:db8::99 80\n    sorry_server_lvs_method TUN') },
  ],
  invalid: [
    { name: 'IPv6 sorry server, IPv4 service', code: config('    sorry_server 2001:db8::99 80'), lines: [10], messages: ['IPv6'] },
    {
      name: 'family from ip_family on a fwmark service',
      code: 'virtual_server fwmark 9 {\n    lb_algo rr\n    lb_kind TUN\n    ip_family inet6\n    real_server 192.0.2.11 {\n        PING_CHECK {\n        }\n    }\n    sorry_server 192.0.2.99\n    sorry_server_lvs_method DR\n}\n',
      lines: [11], messages: ['ip_family inet6'],
    },
  ],
});
