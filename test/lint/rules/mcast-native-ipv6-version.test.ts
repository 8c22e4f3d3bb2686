import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const head = ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51'];
const vip6 = ['    virtual_ipaddress {', '        fe80::100/64', '    }'];

ruleTester('mcast/native-ipv6-version', {
  valid: [
    { name: 'native_ipv6 without version', code: conf(...head, '    native_ipv6', ...vip6, '}') },
    { name: 'version 3 before native_ipv6', code: conf(...head, '    version 3', '    native_ipv6', ...vip6, '}') },
    { name: 'version 2 after native_ipv6 is refused (vrrp/version-conflict)', code: conf(...head, '    native_ipv6', '    version 2', ...vip6, '}') },
  ],
  invalid: [
    { name: 'version 2 then native_ipv6, at the version line', code: conf(...head, '    version 2', '    native_ipv6', ...vip6, '}'), lines: [4], messages: ['(line 5)'] },
    { name: 'the same in 2.2.7', version: '2.2.7', code: conf(...head, '    version 2', '    native_ipv6', ...vip6, '}'), lines: [4] },
  ],
});
