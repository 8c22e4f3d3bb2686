import { ruleTester } from '../../helpers/lint.js';

const two = `vrrp_instance VI_1 {
  interface eth0
  virtual_router_id 51
  virtual_ipaddress {
    10.0.0.100/24
  }
}
vrrp_instance VI_2 {
  interface eth0
  virtual_router_id 52
  virtual_ipaddress {
    10.0.0.101/24
  }
}
`;

ruleTester('vrrp/sync-group-empty', {
  valid: [{ name: 'two members', code: `${two}vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n}\n` }],
  invalid: [
    { name: 'no group block', code: `${two}vrrp_sync_group SG {\n  smtp_alert\n}\n`, lines: [15], endLines: [17], messages: ['no `group` block'] },
    { name: 'no group block (2.2.7 reports it after reading)', code: `${two}vrrp_sync_group SG {\n  smtp_alert\n}\n`, version: '2.2.7', lines: [15] },
    { name: 'an empty group block', code: `${two}vrrp_sync_group SG {\n  group {\n  }\n}\n`, lines: [16], endLines: [18], messages: ['empty'] },
    {
      name: 'every member unknown or taken',
      code: `${two}vrrp_sync_group SG_1 {\n  group {\n    VI_1\n    VI_2\n  }\n}\nvrrp_sync_group SG_2 {\n  group {\n    VI_1\n    VI_9\n  }\n}\n`,
      lines: [22],
      messages: ['none of the instances'],
    },
  ],
});
