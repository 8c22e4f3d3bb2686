import { ruleTester } from '../../helpers/lint.js';

const service = (checker: string): string => `virtual_server 192.0.2.10 53 {
    protocol UDP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 53 {
        UDP_CHECK {
            require_reply
${checker}        }
    }
}
`;

ruleTester('checker/udp-reply-length', {
  valid: [
    { name: 'min below max', code: service('            min_reply_length 4\n            max_reply_length 512\n') },
    { name: 'min up to the default max', code: service('            min_reply_length 255\n') },
  ],
  invalid: [
    { name: 'min above max', code: service('            min_reply_length 10\n            max_reply_length 5\n'), lines: [10], messages: ['max_reply_length 5'] },
    { name: 'min above the default 255', code: service('            min_reply_length 300\n'), lines: [9], messages: ['default max_reply_length 255'] },
  ],
});
