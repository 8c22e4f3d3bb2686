import { ruleTester } from '../../helpers/lint.js';

const inst = 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n';

ruleTester('refs/track-group-unknown-instance', {
  valid: [{ name: 'known instance', code: `${inst}track_group TG {\n  group {\n    VI_1\n  }\n}\n` }],
  invalid: [{ name: 'unknown instance', code: `${inst}track_group TG {\n  group {\n    VI_1\n    VI_X\n  }\n}\n`, lines: [11], messages: ["VI_X"] }],
});
