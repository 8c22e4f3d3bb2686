import { ruleTester } from '../../helpers/lint.js';

ruleTester('refs/garp-group-interface-twice', {
  valid: [{ name: 'distinct interfaces', code: 'garp_group {\n  garp_interval 1\n  interface eth0\n}\ngarp_group {\n  gna_interval 1\n  interfaces {\n    eth1\n  }\n}\n' }],
  invalid: [{ name: 'eth0 twice', code: 'garp_group {\n  garp_interval 1\n  interface eth0\n}\ngarp_group {\n  gna_interval 1\n  interfaces {\n    eth1\n    eth0\n  }\n}\n', lines: [9], messages: ['line 1'] }],
});
