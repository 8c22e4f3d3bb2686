import { ruleTester } from '../../helpers/lint.js';

const inst = 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_script {\n    chk\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n';

ruleTester('script/default-user', {
  valid: [
    { name: 'script_user set', code: `global_defs {\n  enable_script_security\n  script_user nobody\n}\nvrrp_script chk {\n  script /usr/bin/true\n}\n${inst}` },
    { name: 'every script has a user', code: `global_defs {\n  enable_script_security\n}\nvrrp_script chk {\n  script /usr/bin/true\n  user nobody\n}\n${inst}` },
    { name: 'without script security the fallback is root (script/security-not-enabled)', code: `vrrp_script chk {\n  script /usr/bin/true\n}\n${inst}` },
  ],
  invalid: [{ name: 'no script_user, no user', code: `global_defs {\n  enable_script_security\n}\nvrrp_script chk {\n  script /usr/bin/true\n}\n${inst}`, lines: [5], messages: ['keepalived_script'] }],
});
