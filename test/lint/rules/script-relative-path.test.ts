import { ruleTester } from '../../helpers/lint.js';

const SEC = 'global_defs {\n  enable_script_security\n  script_user root\n}\n';
const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('script/relative-path', {
  valid: [{ name: 'absolute paths', code: SEC + inst('  notify_master "/usr/bin/logger master"\n') }],
  invalid: [
    { name: 'a bare name is looked up in PATH', code: SEC + inst('  notify_master "logger master"\n'), lines: [8], messages: ['PATH'] },
    { name: 'a relative path', code: `${SEC}vrrp_script chk {\n  script scripts/check.sh\n}\n${inst('  track_script {\n    chk\n  }\n')}`, lines: [6], messages: ['working directory'] },
  ],
});
