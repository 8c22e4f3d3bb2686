import { ruleTester } from '../../helpers/lint.js';

const service = (lines: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
${lines}
    real_server 192.0.2.11 80 {
        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/synonyms', {
  valid: [{ name: 'one name each', code: service('    lvs_sched rr\n    lb_kind NAT') }],
  invalid: [
    { name: 'scheduler twice', code: service('    lb_algo rr\n    lvs_sched wlc\n    lb_kind NAT'), lines: [3], messages: ['`lvs_sched` on line 4 wins'] },
    { name: 'method twice', code: service('    lb_algo rr\n    lvs_method DR\n    lb_kind NAT'), lines: [4], messages: ['`lb_kind` on line 5 wins'] },
  ],
});
