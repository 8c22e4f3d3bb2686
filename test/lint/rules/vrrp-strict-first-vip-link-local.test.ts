import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const strict = (...body: string[]): string => conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    strict_mode', ...body, '}');

ruleTester('vrrp-strict/first-vip-link-local', {
  valid: [
    { name: 'link-local first', code: strict('    virtual_ipaddress {', '        fe80::100/64', '        fd00::100/64', '    }') },
    { name: 'unicast instance', code: strict('    unicast_peer {', '        fd00::2', '    }', '    virtual_ipaddress {', '        fd00::100/64', '    }') },
    { name: 'not strict (mcast/first-vip-link-local)', code: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress {', '        fd00::100/64', '    }', '}') },
    { name: 'IPv4', code: strict('    virtual_ipaddress {', '        10.0.0.100/24', '    }') },
  ],
  invalid: [
    {
      name: 'a global address first, at its line',
      code: strict('    virtual_ipaddress {', '        fd00::100/64', '        fe80::100/64', '    }'),
      lines: [6],
      messages: ['fd00::100/64'],
    },
  ],
});
