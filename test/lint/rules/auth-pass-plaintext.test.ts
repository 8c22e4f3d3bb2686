import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];
const pass = ['    authentication {', '        auth_type PASS', '        auth_pass secret', '    }'];

ruleTester('auth/pass-plaintext', {
  valid: [
    { name: 'unicast peers', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    unicast_peer {', '        10.0.0.2', '    }', ...pass, ...vip, '}') },
    { name: 'version 3 ignores it (auth/vrrpv3)', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 3', ...pass, ...vip, '}') },
  ],
  invalid: [
    { name: 'PASS over multicast', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...pass, ...vip, '}'), lines: [5], messages: ['clear text'] },
  ],
});
