import { ruleTester } from '../../helpers/lint.js';

const config = (lines: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${lines}
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/sorry-server-order', {
  valid: [
    { name: 'options after sorry_server', code: config('    sorry_server 192.0.2.99 80\n    sorry_server_inhibit\n    sorry_server_lvs_method NAT') },
  ],
  invalid: [
    { name: 'inhibit before sorry_server', code: config('    sorry_server_inhibit\n    sorry_server 192.0.2.99 80'), lines: [5], messages: ['before'] },
    { name: 'method without sorry_server', code: config('    sorry_server_lvs_method DR'), lines: [5], messages: ['without'] },
  ],
});
