import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;
const vs = 'virtual_server 10.0.0.1 80 {\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path /usr/bin/true\n    }\n  }\n}\n';

ruleTester('script/security-not-enabled', {
  valid: [
    { name: 'enable_script_security set', code: `global_defs {\n  enable_script_security\n  script_user root\n}\n${inst('  notify_master /usr/bin/true\n')}` },
    { name: 'no scripts', code: inst('') },
    { name: 'a vrrp_script without any instance is not checked', code: 'vrrp_script chk {\n  script /usr/bin/true\n}\n' },
    { name: 'a file test is not executed', code: `vrrp_script chk {\n  script "</etc/keepalived/up"\n}\n${inst('  track_script {\n    chk\n  }\n')}` },
  ],
  invalid: [
    { name: 'a notify script', code: inst('  notify_master /usr/bin/true\n'), lines: [4], messages: ['exits 6'] },
    {
      name: 'one finding per process: start/stop, VRRP, checker',
      code: `global_defs {\n  startup_script /usr/bin/true\n}\nvrrp_script chk {\n  script "/usr/bin/pidof init"\n}\n${inst('  track_script {\n    chk\n  }\n  notify_master /usr/bin/true\n')}${vs}`,
      lines: [2, 5, 22],
      messages: ['startup_script', '1 more VRRP script', 'MISC_CHECK'],
    },
  ],
});
