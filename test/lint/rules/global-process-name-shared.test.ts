import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/process-name-shared', {
  valid: [{ name: 'distinct names', code: g('    process_name ka\n    vrrp_process_name ka_vrrp\n    checker_process_name ka_lvs') }],
  invalid: [
    { name: 'two processes, one name', code: g('    vrrp_process_name ka\n    checker_process_name ka'), lines: [3], messages: ['(line 2)'] },
    { name: 'a name equal to a process_names default', code: g('    process_names\n    bfd_process_name keepalived_vrrp'), lines: [3] },
  ],
});
