import { ruleTester } from '../../helpers/lint.js';

const SEC = 'global_defs {\n  enable_script_security\n  script_user root\n}\nvrrp_script chk {\n  script /usr/bin/true\n}\n';
const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('refs/duplicate-track', {
  valid: [{ name: 'different entries', code: SEC + inst('  track_interface {\n    eth1\n    eth2\n  }\n') }],
  invalid: [
    { name: 'a script twice', code: SEC + inst('  track_script {\n    chk weight 10\n    chk weight -10\n  }\n'), lines: [13], messages: ['line 12'] },
    { name: 'an interface twice across two blocks', code: SEC + inst('  track_interface {\n    eth1\n  }\n  track_interface {\n    eth1 weight 3\n  }\n'), lines: [15] },
  ],
});
