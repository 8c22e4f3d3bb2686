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

ruleTester('vrrp/sync-group-single-member', {
  valid: [
    { name: 'two members', code: `${two}vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_2\n  }\n}\n` },
    { name: 'no valid member at all is vrrp/sync-group-empty', code: `${two}vrrp_sync_group SG {\n  group {\n    VI_9\n  }\n}\n` },
  ],
  invalid: [
    { name: 'one member', code: `${two}vrrp_sync_group SG {\n  group {\n    VI_1\n  }\n}\n`, lines: [16], messages: ['VI_1'] },
    { name: 'one member once the unknown name is dropped', code: `${two}vrrp_sync_group SG {\n  group {\n    VI_1\n    VI_X\n  }\n}\n`, version: '2.2.7', lines: [16] },
    { name: 'the same instance twice counts once', code: `${two}vrrp_sync_group SG {\n  group {\n    VI_2\n    VI_2\n  }\n}\n`, lines: [16] },
  ],
});
