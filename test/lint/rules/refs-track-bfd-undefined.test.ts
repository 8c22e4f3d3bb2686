import { ruleTester } from '../../helpers/lint.js';

const bfd = 'bfd_instance gw {\n  neighbor_ip 10.0.0.254\n}\n';
const inst = (name: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_bfd {\n    ${name}\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('refs/track-bfd-undefined', {
  valid: [{ name: 'defined above', code: bfd + inst('gw') }],
  invalid: [
    { name: 'unknown', code: bfd + inst('gx'), lines: [8] },
    { name: 'defined below', code: inst('gw') + bfd, lines: [5] },
  ],
});
