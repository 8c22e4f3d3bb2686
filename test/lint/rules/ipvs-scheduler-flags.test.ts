import { ruleTester } from '../../helpers/lint.js';

const config = (lines: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_kind NAT
${lines}
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/scheduler-flags', {
  valid: [
    { name: 'sh flags after lb_algo sh', code: config('    lb_algo sh\n    sh-port\n    sh-fallback') },
    { name: 'mh flags after lvs_sched mh', code: config('    lvs_sched mh\n    mh-port\n    hashed') },
    { name: 'hashed with sh', code: config('    lb_algo sh\n    hashed') },
  ],
  invalid: [
    { name: 'sh-port with rr', code: config('    lb_algo rr\n    sh-port'), lines: [5], messages: ['`rr`'] },
    { name: 'sh-port before lb_algo sh', code: config('    sh-port\n    lb_algo sh'), lines: [4], messages: ['before the scheduler'] },
    { name: 'hashed with rr', code: config('    lb_algo rr\n    hashed'), lines: [5] },
    { name: 'sh-port with mh is only a warning', code: config('    lb_algo mh\n    sh-port'), lines: [5], messages: ['ignores it'] },
  ],
});
