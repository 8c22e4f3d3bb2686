import { ruleTester } from '../../helpers/lint.js';

const service = (checker: string): string => `virtual_server 192.0.2.10 53 {
    protocol UDP
    lb_algo rr
    lb_kind NAT
    real_server 192.0.2.11 53 {
        UDP_CHECK {
${checker}        }
    }
}
`;

ruleTester('checker/udp-hex-ff', {
  valid: [
    { name: 'ff not last', code: service('            payload ff 01\n') },
    { name: 'a lone last digit f is 0f', code: service('            payload 01f\n') },
    { name: 'wildcards in the reply', code: service('            require_reply 01 fX\n') },
  ],
  invalid: [
    { name: 'payload ending in ff', code: service('            payload 01 02 ff\n'), lines: [7], messages: ['payload'] },
    { name: 'ff at the end of a longer word', code: service('            payload 0102FF\n'), lines: [7] },
    { name: 'require_reply ending in ff', code: service('            require_reply 00ff\n'), lines: [7], messages: ['require_reply'] },
  ],
});
