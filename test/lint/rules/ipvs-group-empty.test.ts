import { ruleTester } from '../../helpers/lint.js';

const config = (entries: string): string => `virtual_server_group G {
${entries}}
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

ruleTester('ipvs/group-empty', {
  valid: [{ name: 'one good line among bad ones', code: config('    192.0.2.20-10 80\n    192.0.2.30 80\n') }],
  invalid: [
    { name: 'empty group', code: config(''), lines: [2], messages: ['has no entries'] },
    { name: 'every line rejected', code: config('    192.0.2.20-10 80\n    192.0.2.21/30 80\n'), lines: [4], messages: ['rejects every line'] },
  ],
});
