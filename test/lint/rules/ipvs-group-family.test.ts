import { ruleTester } from '../../helpers/lint.js';

const config = (entries: string, rs: string, method = 'NAT'): string => `virtual_server_group G {
${entries}
}
virtual_server group G {
    protocol TCP
    lb_algo rr
    lb_kind ${method}
    real_server ${rs} 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/group-family', {
  valid: [
    { name: 'IPv4 group, IPv4 real server', code: config('    192.0.2.20 80', '192.0.2.11') },
    { name: 'mixed group with only tunnelled servers', code: config('    192.0.2.20 80\n    2001:db8::20 80', '192.0.2.11', 'TUN') },
    { name: 'a group keepalived removes is left to other rules', code: config('    192.0.2.20-10 80', '2001:db8::11') },
  ],
  invalid: [
    { name: 'IPv4 group, IPv6 real server', code: config('    192.0.2.20 80', '2001:db8::11'), lines: [4], messages: ['is IPv4'] },
    { name: 'IPv4 and IPv6 entries with a NAT server', code: config('    192.0.2.20 80\n    2001:db8::20 80', '192.0.2.11'), lines: [5], messages: ['both IPv4 and IPv6'] },
    { name: 'fwmark with family inet6 and an IPv4 server', code: config('    fwmark 7 inet6', '192.0.2.11', 'DR'), lines: [4], messages: ['is IPv6'] },
  ],
});
