import { ruleTester } from '../../helpers/lint.js';

const config = (a: string, b: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server ${a} {
        TCP_CHECK {
        }
    }
    real_server ${b} {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/duplicate-real-server', {
  valid: [
    { name: 'other port', code: config('192.0.2.11 80', '192.0.2.11 8080') },
    { name: 'other address', code: config('192.0.2.11 80', '192.0.2.12 80') },
    { name: 'no port and port 80 differ when read', code: config('192.0.2.11', '192.0.2.11 80') },
  ],
  invalid: [
    { name: 'same address and port', code: config('192.0.2.11 80', '192.0.2.11 80'), lines: [9], messages: ['line 5'] },
    { name: 'no port and port 0 are the same', code: config('192.0.2.11', '192.0.2.11 0'), lines: [9] },
    { name: 'IPv6 written two ways', code: config('2001:db8::11 80', '2001:db8:0::11 80').replace('192.0.2.10 80', '2001:db8::10 80'), lines: [9] },
  ],
});
