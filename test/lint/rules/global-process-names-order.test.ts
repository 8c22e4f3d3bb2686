import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';
const g = (body: string): string => `global_defs {\n${body}\n}\n` + instance;

ruleTester('global/process-names-order', {
  valid: [
    { name: 'process_names first', code: g('    process_names\n    vrrp_process_name ka_vrrp') },
    { name: 'process_names alone', code: g('    process_names') },
  ],
  invalid: [
    { name: 'process_names after a name', code: g('    vrrp_process_name ka_vrrp\n    process_names'), lines: [3], messages: ['vrrp_process_name (line 2)'] },
  ],
});
