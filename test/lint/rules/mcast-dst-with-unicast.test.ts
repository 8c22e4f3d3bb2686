import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const head = ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51'];
const vip = ['    virtual_ipaddress {', '        10.0.0.100/24', '    }'];

ruleTester('mcast/dst-with-unicast', {
  valid: [
    { name: 'multicast with its own group', code: conf(...head, '    mcast_dst_ip 224.0.0.19', ...vip, '}') },
    { name: 'a unicast keyword without peers stays multicast', code: conf(...head, '    mcast_dst_ip 224.0.0.19', '    unicast_fault_no_peer', ...vip, '}') },
    { name: 'a non-multicast mcast_dst_ip is refused on its own', code: conf(...head, '    mcast_dst_ip 10.0.0.19', '    unicast_peer {', '        10.0.0.2', '    }', ...vip, '}') },
  ],
  invalid: [
    {
      name: 'mcast_dst_ip with unicast peers',
      code: conf(...head, '    mcast_dst_ip 224.0.0.19', '    unicast_peer {', '        10.0.0.2', '    }', ...vip, '}'),
      lines: [4],
      messages: ['224.0.0.19'],
    },
  ],
});
