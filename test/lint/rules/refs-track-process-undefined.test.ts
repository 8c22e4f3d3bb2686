import { ruleTester } from '../../helpers/lint.js';

const tp = 'vrrp_track_process tp {\n  process sshd\n}\n';
const inst = (name: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_process {\n    ${name}\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('refs/track-process-undefined', {
  valid: [{ name: 'defined above', code: tp + inst('tp') }],
  invalid: [
    { name: 'unknown', code: tp + inst('tq'), lines: [8] },
    { name: 'without process', code: `vrrp_track_process tp {\n  quorum 1\n}\n${inst('tp')}`, lines: [8], messages: ['no `process`'] },
  ],
});
