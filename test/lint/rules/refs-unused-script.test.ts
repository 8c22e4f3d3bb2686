import { ruleTester } from '../../helpers/lint.js';

const SEC = 'global_defs {\n  enable_script_security\n  script_user root\n}\n';
const script = 'vrrp_script chk {\n  script /usr/bin/true\n}\n';
const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('refs/unused-script', {
  valid: [
    { name: 'tracked', code: SEC + script + inst('  track_script {\n    chk\n  }\n') },
    { name: 'no instance at all', code: SEC + script },
  ],
  invalid: [
    { name: 'not tracked', code: SEC + script + inst(''), lines: [5] },
    { name: 'only tracked above its definition', code: SEC + inst('  track_script {\n    chk\n  }\n') + script, lines: [15], messages: ['above its definition'] },
  ],
});
