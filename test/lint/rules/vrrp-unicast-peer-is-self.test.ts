import { ruleTester } from '../../helpers/lint.js';

const instance = (body: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  priority 100\n${body}\n  virtual_ipaddress {\n    10.0.0.100\n  }\n}\n`;

ruleTester('vrrp/unicast-peer-is-self', {
  valid: [
    { name: 'the peer is another router', code: instance('  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }') },
    { name: 'no unicast_src_ip', code: instance('  unicast_peer {\n    10.0.0.1\n  }') },
  ],
  invalid: [
    {
      name: 'the own source address among the peers, on its line',
      code: instance('  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n    10.0.0.1\n  }'),
      lines: [8],
      messages: ['10.0.0.1'],
    },
  ],
});
