import { ruleTester } from '../../helpers/lint.js';

const SEC = 'global_defs {\n  enable_script_security\n  script_user root\n}\n';
const script = 'vrrp_script chk {\n  script /usr/bin/true\n}\n';
const inst = (name: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_script {\n    ${name}\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('refs/track-script-undefined', {
  valid: [{ name: 'defined above', code: SEC + script + inst('chk') }],
  invalid: [
    { name: 'not defined', code: SEC + script + inst('chk_x'), lines: [12], messages: ['no vrrp_script chk_x'] },
    { name: 'defined below the instance', code: SEC + inst('chk') + script, lines: [9], messages: ['further down (vrrp_script on line 15)'] },
    { name: 'a vrrp_script without script is dropped', code: `${SEC}vrrp_script chk {\n  interval 2\n}\n${inst('chk')}`, lines: [12], messages: ['no `script`'] },
    {
      name: 'in a sync group',
      code: `${SEC + script + inst('chk')}vrrp_sync_group SG {\n  group {\n    VI_1\n  }\n  track_script {\n    nope\n  }\n}\n`,
      lines: [23],
      messages: ['vrrp_sync_group SG'],
    },
  ],
});
