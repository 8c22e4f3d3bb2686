import { ruleTester } from '../../helpers/lint.js';

const config = (head: string, rs: string, rsBody = ''): string => `virtual_server ${head} {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
    real_server ${rs} 80 {
${rsBody}        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/real-server-family', {
  valid: [
    { name: 'same family', code: config('192.0.2.10 80', '192.0.2.12') },
    { name: 'a tunnelled server of the other family', code: config('192.0.2.10 80', '2001:db8::12', '        lvs_method TUN\n') },
  ],
  invalid: [
    { name: 'IPv6 server in an IPv4 service', code: config('192.0.2.10 80', '2001:db8::12'), lines: [12], messages: ['IPv6'] },
    {
      name: 'the only server: the service is dropped too',
      code: 'virtual_server 192.0.2.10 80 {\n    protocol TCP\n    lb_algo rr\n    lb_kind NAT\n    real_server 2001:db8::11 80 {\n        TCP_CHECK {\n        }\n    }\n}\n',
      lines: [8], messages: ['skips this real server'],
    },
    {
      name: 'fwmark service: the first server sets the family',
      code: 'virtual_server fwmark 7 {\n    lb_algo rr\n    lb_kind DR\n    real_server 192.0.2.11 {\n        PING_CHECK {\n        }\n    }\n    real_server 2001:db8::11 {\n        PING_CHECK {\n        }\n    }\n}\n',
      lines: [11], messages: ['real_server 192.0.2.11'],
    },
    {
      name: 'TUN set after the real server does not count',
      code: 'virtual_server 192.0.2.10 80 {\n    protocol TCP\n    lb_algo rr\n    real_server 192.0.2.11 80 {\n        TCP_CHECK {\n        }\n    }\n    real_server 2001:db8::11 80 {\n        TCP_CHECK {\n        }\n    }\n    lb_kind TUN\n}\n',
      lines: [11],
    },
  ],
});
