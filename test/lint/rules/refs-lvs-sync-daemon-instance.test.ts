import { ruleTester } from '../../helpers/lint.js';

const inst = 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n';

ruleTester('refs/lvs-sync-daemon-instance', {
  valid: [
    { name: 'existing instance', code: `global_defs {\n  lvs_sync_daemon eth0 VI_1\n}\n${inst}` },
    { name: 'with the inst keyword', code: `global_defs {\n  lvs_sync_daemon eth0 inst VI_1 id 5\n}\n${inst}` },
  ],
  invalid: [{ name: 'unknown instance', code: `global_defs {\n  lvs_sync_daemon eth0 VI_9\n}\n${inst}`, lines: [2], messages: ['VI_9'] }],
});
