import { ruleTester } from '../../helpers/lint.js';

const config = (entries: string): string => `virtual_server_group G {
${entries}
}
virtual_server group G {
    protocol TCP
    lb_algo rr
    lb_kind TUN
    real_server 192.0.2.11 {
        PING_CHECK {
        }
    }
}
`;

ruleTester('ipvs/group-mixed-fwmark', {
  valid: [
    { name: 'fwmark with a family', code: config('    192.0.2.20 80\n    2001:db8::20 80\n    fwmark 7 inet') },
    { name: 'one family and a family-less fwmark', code: config('    192.0.2.20 80\n    fwmark 7') },
  ],
  invalid: [
    { name: 'IPv4, IPv6 and a fwmark without family', code: config('    192.0.2.20 80\n    2001:db8::20 80\n    fwmark 7'), lines: [5], messages: ['line 4'] },
    { name: 'each family-less fwmark', code: config('    fwmark 5\n    192.0.2.20 80\n    fwmark 6 inet6\n    fwmark 7'), lines: [6], messages: ['line 2, 5'] },
  ],
});
