import { ruleTester } from '../../helpers/lint.js';

const SEC = 'global_defs {\n  enable_script_security\n  script_user root\n}\n';
const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('script/notify-twice', {
  valid: [
    { name: 'different notify scripts', code: SEC + inst('  notify_master /usr/bin/true\n  notify_backup /usr/bin/true\n') },
    { name: 'checker scripts are ipvs/reported-duplicate', code: `${SEC}virtual_server 10.0.0.1 80 {\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    notify_up /usr/bin/true\n    notify_up /usr/bin/false\n  }\n}\n` },
  ],
  invalid: [
    { name: 'notify_master twice', code: SEC + inst('  notify_master /usr/bin/true\n  notify_master /usr/bin/false\n'), lines: [9], messages: ['line 8'] },
    {
      name: 'notify twice in a sync group',
      code: `${SEC}${inst('')}vrrp_instance VI_2 {\n  interface eth0\n  virtual_router_id 52\n  virtual_ipaddress {\n    10.0.0.101/24\n  }\n}\nvrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n  notify /usr/bin/true\n  notify /usr/bin/false\n}\n`,
      lines: [25],
    },
  ],
});
