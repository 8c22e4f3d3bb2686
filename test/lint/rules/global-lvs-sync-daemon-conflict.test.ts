import { ruleTester } from '../../helpers/lint.js';

const config = (global: string, extra: string): string => `global_defs {
${global}}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
${extra}    virtual_ipaddress {
        192.0.2.1/24
    }
}
`;

ruleTester('global/lvs-sync-daemon-conflict', {
  valid: [
    { name: 'global only', code: config('    lvs_sync_daemon eth0 inst VI_1\n', '') },
    { name: 'instance only (deprecated, other rule)', code: config('', '    lvs_sync_daemon_interface eth0\n') },
  ],
  invalid: [{ name: 'both', code: config('    lvs_sync_daemon eth0 inst VI_1\n', '    lvs_sync_daemon_interface eth0\n'), lines: [9], messages: ['(VI_1)'] }],
});
