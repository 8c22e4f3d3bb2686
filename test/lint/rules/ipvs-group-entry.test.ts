import { ruleTester } from '../../helpers/lint.js';

const config = (entries: string): string => `virtual_server_group G {
${entries}
}
virtual_server group G {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/group-entry', {
  valid: [
    { name: 'a short range', code: config('    192.0.2.20-30 80') },
    { name: 'a full range, end equal to start', code: config('    192.0.2.20-192.0.2.20 80') },
    { name: 'an IPv4 block', code: config('    192.0.2.16/28 80\n    10.0.0.0/8 80') },
    { name: 'an IPv6 range with a hex end', code: config('    2001:db8::a-1f 80') },
    { name: 'an IPv6 block', code: config('    2001:db8::/64 80') },
  ],
  invalid: [
    { name: 'short end not after the start', code: config('    192.0.2.20-10 80'), lines: [2], messages: ['not greater'] },
    { name: 'short end equal to the start', code: config('    192.0.2.22-22 80'), lines: [2] },
    { name: 'short end above 255', code: config('    192.0.2.20-300 80'), lines: [2], messages: ['too large'] },
    { name: 'full end below the start', code: config('    10.1.0.0-10.0.255.255 80'), lines: [2], messages: ['below'] },
    { name: 'IPv6 end that is no address', code: config('    2001:db8::1-1:2 80'), lines: [2], messages: ['not an IP address'] },
    { name: 'host bits set', code: config('    192.0.2.21/30 80'), lines: [2], messages: ['host bits'] },
    { name: 'IPv4 prefix above 32', code: config('    192.0.2.0/33 80'), lines: [2], messages: ['1-32'] },
    { name: 'IPv6 host bits set', code: config('    2001:db8::1/64 80'), lines: [2], messages: ['host bits'] },
  ],
});
