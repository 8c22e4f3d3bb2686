import { ruleTester } from '../../helpers/lint.js';

const config = (global: string, extra: string, priority = 100): string => `global_defs {
${global}}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority ${priority}
${extra}    virtual_ipaddress {
        192.0.2.1/24
    }
}
`;

ruleTester('global/firewall-auto', {
  valid: [
    { name: 'accept mode, no firewall needed', code: config('', '') },
    { name: 'firewall configured', code: config('    nftables\n', '    no_accept\n') },
    { name: 'strict mode with accept and VRRP version 3', code: config('    vrrp_strict\n    vrrp_version 3\n', '    accept\n') },
  ],
  invalid: [
    { name: 'no_accept', code: config('', '    no_accept\n'), lines: [8], messages: ['no_accept'] },
    { name: 'strict mode', code: config('    vrrp_strict\n', ''), lines: [2], messages: ['strict mode'] },
    { name: 'strict mode drops accept for version 2', code: config('    vrrp_strict\n', '    accept\n'), lines: [2], messages: ['drops accept'] },
    { name: 'use_vmac', code: config('', '    use_vmac\n'), lines: [8], messages: ['use_vmac'] },
  ],
});
