import { ruleTester } from '../../helpers/lint.js';

ruleTester('vrrp/garp-group-no-interval', {
  valid: [
    { name: 'garp_interval', code: 'garp_group {\n  garp_interval 0.001\n  interface eth0\n}\n' },
    { name: 'an interval only 2.3 accepts', code: 'garp_group {\n  garp_interval 3000\n  interface eth0\n}\n' },
    { name: 'gna_interval', code: 'garp_group {\n  gna_interval 0.5\n  interfaces {\n    eth0\n  }\n}\n' },
  ],
  invalid: [{ name: 'no interval', code: 'garp_group {\n  garp_interval 1\n  interface eth1\n}\ngarp_group {\n  interface eth0\n}\n', lines: [5], endLines: [7] },
    { name: 'an interval 2.2.7 rejects', version: '2.2.7', code: 'garp_group {\n  garp_interval 3000\n  interface eth0\n}\n', lines: [1], endLines: [4], messages: ['rejects'] },
  ],
});
