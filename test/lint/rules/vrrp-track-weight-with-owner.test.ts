import { ruleTester } from '../../helpers/lint.js';

const head = `global_defs {
  enable_script_security
  script_user root
}
vrrp_script chk {
  script /usr/bin/true
  weight 10
}
`;
const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp/track-weight-with-owner', {
  valid: [
    { name: 'weights below priority 255', code: head + inst('  priority 254\n  track_script {\n    chk\n  }\n') },
    { name: 'unweighted entries on the owner', code: head + inst('  priority 255\n  track_script {\n    chk weight 0\n  }\n  track_interface {\n    eth1\n  }\n') },
  ],
  invalid: [
    { name: 'weighted script on priority 255', code: head + inst('  priority 255\n  track_script {\n    chk\n  }\n'), lines: [14] },
    { name: 'state MASTER without priority is the owner', code: head + inst('  state MASTER\n  track_interface {\n    eth1 weight 5\n  }\n'), lines: [14], messages: ['state MASTER'] },
  ],
});
