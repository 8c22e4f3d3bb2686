import { ruleTester } from '../../helpers/lint.js';

const tf = 'track_file tf {\n  file /tmp/kaconf-tf\n}\n';
const inst = (name: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_file {\n    ${name} weight 0\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('refs/track-file-undefined', {
  valid: [
    { name: 'track_file above', code: tf + inst('tf') },
    { name: 'the older vrrp_track_file spelling', code: `vrrp_track_file tf {\n  file /tmp/kaconf-tf\n}\n${inst('tf')}` },
  ],
  invalid: [
    { name: 'unknown', code: tf + inst('tg'), lines: [8] },
    { name: 'defined below', code: inst('tf') + tf, lines: [5], messages: ['further down'] },
    { name: 'without file', code: `track_file tf {\n  weight 2\n}\n${inst('tf')}`, lines: [8], messages: ['no `file`'] },
  ],
});
