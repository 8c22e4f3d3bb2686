import { ruleTester } from '../../helpers/lint.js';

const inst = (peer: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  unicast_peer {\n    10.0.0.2\n    ${peer}\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/unicast-peer-ttl-range', {
  valid: [
    { name: 'min below max', code: inst('10.0.0.3 min_ttl 250 max_ttl 255') },
    { name: 'min alone', code: inst('10.0.0.3 min_ttl 250') },
  ],
  invalid: [
    { name: 'min above max', code: inst('10.0.0.3 min_ttl 200 max_ttl 100'), lines: [6], messages: ['10.0.0.3'] },
    { name: 'max_ttl written before min_ttl', code: inst('10.0.0.3 max_ttl 10 min_ttl 20'), lines: [6] },
  ],
});
