import { ruleTester } from '../../helpers/lint.js';

ruleTester('ipvs/ip-family-conflict', {
  valid: [
    {
      name: 'ip_family matching the address',
      code: 'virtual_server 192.0.2.10 80 {\n    ip_family inet\n    protocol TCP\n    lb_algo rr\n    lb_kind NAT\n    real_server 192.0.2.11 80 {\n        TCP_CHECK {\n        }\n    }\n}\n',
    },
    {
      name: 'fwmark service with tunnelled servers of both families',
      code: 'virtual_server fwmark 9 {\n    ip_family inet6\n    lb_algo rr\n    lb_kind TUN\n    real_server 192.0.2.11 {\n        PING_CHECK {\n        }\n    }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'ip_family against the address',
      code: 'virtual_server 192.0.2.10 80 {\n    protocol TCP\n    lb_algo rr\n    lb_kind NAT\n    ip_family inet6\n    real_server 192.0.2.11 80 {\n        TCP_CHECK {\n        }\n    }\n}\n',
      lines: [5], messages: ['inet6'],
    },
    {
      name: 'ip_family after a real server set the family (fwmark service)',
      code: 'virtual_server fwmark 9 {\n    lb_algo rr\n    lb_kind DR\n    real_server 192.0.2.11 {\n        PING_CHECK {\n        }\n    }\n    ip_family inet6\n}\n',
      lines: [8], messages: ['real_server 192.0.2.11'],
    },
  ],
});
