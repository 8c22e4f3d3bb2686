import { ruleTester } from '../../helpers/lint.js';

const service = `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 80 {
        FILE_CHECK {
            track_file tf
        }
    }
}
`;
const tf = 'track_file tf {\n    file /etc/keepalived/tf\n}\n';

ruleTester('checker/file-check-track-file', {
  valid: [
    { name: 'defined above', code: tf + service },
    { name: 'vrrp_track_file works too', code: tf.replace('track_file tf', 'vrrp_track_file tf') + service },
  ],
  invalid: [
    { name: 'not defined', code: service, lines: [7], messages: ['not defined'] },
    { name: 'defined below', code: service + tf, lines: [7], messages: ['further down (line 11)'] },
    { name: 'defined without file', code: 'track_file tf {\n    weight 5\n}\n' + service, lines: [10], messages: ['no `file`'] },
  ],
});
