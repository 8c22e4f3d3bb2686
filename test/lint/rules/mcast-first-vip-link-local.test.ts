import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const head = ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51'];

ruleTester('mcast/first-vip-link-local', {
  valid: [
    { name: 'link-local first', code: conf(...head, '    virtual_ipaddress {', '        fe80::100/64', '        2001:db8::1/64', '    }', '}') },
    { name: 'unicast', code: conf(...head, '    unicast_peer {', '        fd00::2', '    }', '    virtual_ipaddress {', '        fd00::100/64', '    }', '}') },
    { name: 'strict mode: vrrp-strict/first-vip-link-local reports it', code: conf(...head, '    strict_mode', '    virtual_ipaddress {', '        fd00::100/64', '    }', '}') },
  ],
  invalid: [
    { name: 'a global address first', code: conf(...head, '    virtual_ipaddress {', '        fd00::100/64', '        fe80::100/64', '    }', '}'), lines: [5], messages: ['fd00::100/64'] },
  ],
});
