import { ruleTester } from '../../helpers/lint.js';

const service = (vsExtra: string, rsExtra: string, sorry = '192.0.2.11 80'): string => `virtual_server 192.0.2.10 80 {
    protocol TCP
    lb_algo rr
    lb_kind NAT
${vsExtra}    sorry_server ${sorry}
    real_server 192.0.2.11 80 {
${rsExtra}        TCP_CHECK {
        }
    }
}
`;

ruleTester('ipvs/sorry-server-inhibit', {
  valid: [
    { name: 'neither inhibits', code: service('', '') },
    { name: 'both inhibit', code: service('', '        inhibit_on_failure\n').replace('    real_server', '    sorry_server_inhibit\n    real_server') },
    { name: 'sorry server is another host', code: service('', '        inhibit_on_failure\n', '192.0.2.99 80') },
  ],
  invalid: [
    { name: 'the real server inhibits', code: service('', '        inhibit_on_failure\n'), lines: [5], messages: ['sets sorry_server_inhibit'] },
    { name: 'inherited from the virtual server', code: service('    inhibit_on_failure\n', ''), lines: [6] },
    {
      name: 'the sorry server inhibits, the real server does not',
      code: service('    inhibit_on_failure\n', '        inhibit_on_failure false\n').replace('    real_server', '    sorry_server_inhibit\n    real_server'),
      lines: [6], messages: ['clears'],
    },
  ],
});
