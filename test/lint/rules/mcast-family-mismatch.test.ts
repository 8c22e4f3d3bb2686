import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const head = ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51'];

ruleTester('mcast/family-mismatch', {
  valid: [
    { name: 'IPv4 throughout', code: conf(...head, '    mcast_src_ip 10.0.0.1', '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}') },
    {
      name: 'virtual_ipaddress_excluded may mix families',
      code: conf(...head, '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '    virtual_ipaddress_excluded {', '        fd00::5/64', '    }', '}'),
    },
    {
      name: 'native_ipv6 after an IPv4 address is vrrp/native-ipv6-with-ipv4',
      code: conf(...head, '    mcast_src_ip 10.0.0.1', '    native_ipv6', '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}'),
    },
    { name: 'native_ipv6 before IPv6 addresses', code: conf(...head, '    native_ipv6', '    virtual_ipaddress {', '        fe80::100/64', '    }', '}') },
  ],
  invalid: [
    {
      name: 'a VIP of the other family, at its line',
      code: conf(...head, '    virtual_ipaddress {', '        10.0.0.100/24', '        fe80::100/64 dev eth0', '    }', '}'),
      lines: [6],
      messages: ['fe80::100/64 is IPv6 but the instance is IPv4 (from virtual address 10.0.0.100/24 (line 5))'],
    },
    {
      name: 'mcast_src_ip fixes the family before the VIPs',
      code: conf(...head, '    mcast_src_ip fd00::1', '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}'),
      lines: [6],
      messages: ['mcast_src_ip fd00::1 (line 4)'],
    },
    {
      name: 'a unicast peer and a source address of the other family',
      version: '2.2.7',
      code: conf(...head, '    unicast_src_ip 10.0.0.1', '    unicast_peer {', '        10.0.0.2', '        fd00::2', '    }', '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}'),
      lines: [7],
      messages: ['unicast peer fd00::2'],
    },
    {
      name: 'mcast_dst_ip of the other family',
      code: conf(...head, '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '    mcast_dst_ip ff02::12', '}'),
      lines: [7],
    },
    {
      name: 'the use_ipvlan address fixes the family',
      code: conf(...head, '    use_ipvlan fd00::9/64', '    virtual_ipaddress {', '        10.0.0.100/24', '    }', '}'),
      lines: [6],
      messages: ['use_ipvlan fd00::9/64'],
    },
  ],
});
