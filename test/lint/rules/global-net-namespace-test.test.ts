import { ruleTester } from '../../helpers/lint.js';

const instance = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n';

ruleTester('global/net-namespace-test', {
  valid: [{ name: 'no namespace', code: instance }],
  invalid: [{ name: 'net_namespace', code: 'net_namespace blue\n' + instance, lines: [1], messages: ['blue'] }],
});
