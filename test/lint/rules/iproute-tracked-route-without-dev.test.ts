import { ruleTester } from '../../helpers/lint.js';

const inst = (route: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n  virtual_routes {\n    ${route}\n  }\n}\n`;

ruleTester('iproute/tracked-route-without-dev', {
  valid: [
    { name: 'with dev', version: '2.2.7', code: inst('10.5.0.0/16 via 10.0.0.254 dev eth0') },
    { name: 'untracked', version: '2.2.7', code: inst('10.5.0.0/16 via 10.0.0.254 no_track') },
    { name: 'keepalived 2.3 tracks it', code: inst('10.5.0.0/16 via 10.0.0.254') },
  ],
  invalid: [
    { name: 'virtual route without dev', version: '2.2.7', code: inst('10.5.0.0/16 via 10.0.0.254'), lines: [8], messages: ['10.5.0.0/16'] },
    { name: 'static route without dev', version: '2.2.7', code: 'static_routes {\n  10.9.0.0/16 via 10.0.0.1\n}\n', lines: [2] },
  ],
});
