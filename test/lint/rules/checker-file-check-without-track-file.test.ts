import { ruleTester } from '../../helpers/lint.js';

const service = (body: string): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        FILE_CHECK {
${body}        }
    }
}
`;
const tf = 'track_file tf {\n    file /etc/keepalived/tf\n}\n';

ruleTester('checker/file-check-without-track-file', {
  valid: [{ name: 'found', code: tf + service('            track_file tf\n') }],
  invalid: [
    { name: 'no track_file', code: service('            weight 5\n'), lines: [8], messages: ['no `track_file`'] },
    { name: 'not found', code: service('            track_file tf\n'), lines: [8], messages: ['was not found'] },
  ],
});
