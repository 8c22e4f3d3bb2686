/** Findings the model and schema validation make from vocabulary flags (schemas/README.md). */
import { ruleTester } from '../../helpers/lint.js';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;
const http = (opts: string): string =>
  `virtual_server 192.0.2.10 80 {\n    protocol TCP\n    real_server 192.0.2.11 80 {\n        HTTP_GET {\n            url {\n                path /\n                regex ok\n                regex_options ${opts}\n            }\n        }\n    }\n}\n`;

// x-kaconf-known: a word keepalived skips silently is a warning
ruleTester('ignored-value', {
  valid: [{ name: 'known regex options', code: http('caseless multiline') }],
  invalid: [
    { name: 'an unknown regex option', code: http('caseless nosuchoption'), lines: [8], messages: ["'nosuchoption'"] },
    { name: 'a misspelt regex option', code: http('caseles'), lines: [8], messages: ['did you mean `caseless`'] },
  ],
});

// x-kaconf-extra-words: keepalived reports words after the value
const g = (body: string): string => `global_defs {\n${body}\n}\n`;
ruleTester('extra-arguments', {
  valid: [
    { name: 'one value', code: inst('  kernel_rx_buf_size 1024\n') },
    { name: 'one word each', code: g('    snmp_socket tcp:localhost:705\n    reload_time_file /tmp/reload\n    vrrp_rx_bufs_multiplier 4\n    notification_email_from ka@example.com') },
  ],
  invalid: [
    { name: 'two values where keepalived reports the second', code: inst('  kernel_rx_buf_size 1024 2048\n'), lines: [4], messages: ["reports the extra word '2048' and ignores the setting"] },
    { name: 'two values where keepalived ignores the second', code: inst('  priority 100 200\n'), lines: [4], messages: ['keepalived ignores'] },
    { name: 'snmp_socket', code: g('    snmp_socket tcp:localhost:705 extra'), lines: [2], messages: ['ignores the setting'] },
    { name: 'vrrp_rx_bufs_multiplier', code: g('    vrrp_rx_bufs_multiplier 4 4'), lines: [2], messages: ['reports'] },
    { name: 'reload_time_file', code: g('    reload_time_file /tmp/a /tmp/b'), lines: [2], messages: ['reports'] },
    { name: 'notification_email_from in 2.3.2', code: g('    notification_email_from a@example.com b@example.com'), lines: [2], messages: ['uses the first one'] },
    { name: 'notification_email_from: 2.2.7 ignores the extra words silently', version: '2.2.7', code: g('    notification_email_from a@example.com b@example.com'), lines: [2], messages: ['keepalived ignores'] },
  ],
});

// x-kaconf-deprecated on a property a line codec fills
ruleTester('deprecated-keyword', {
  valid: [{ name: 'via and nexthop', code: inst('  virtual_routes {\n    10.5.0.0/16 dev eth0 nexthop via 10.0.0.254 nexthop via 10.0.0.253\n  }\n') }],
  invalid: [
    { name: 'gw in a route', code: inst('  virtual_routes {\n    10.5.0.0/16 gw 10.0.0.254 dev eth0\n  }\n'), lines: [5], messages: ['`gw` is deprecated'] },
    { name: 'or in a static route (2.2.7)', version: '2.2.7', code: 'static_routes {\n  10.5.0.0/16 via 10.0.0.254 or 10.0.0.253 dev eth0\n}\n', lines: [2], messages: ['`or` is deprecated'] },
  ],
});

// what a block lacks runs to its `}`; a bad block name is reported at the name
ruleTester('invalid-value', {
  valid: [{ name: 'a complete track_file', code: 'track_file tf {\n  file /tmp/x\n}\n' }],
  invalid: [
    { name: 'track_file without file', code: 'track_file tf {\n  weight 2\n}\n', lines: [1], endLines: [3], messages: ['no `file`'] },
    { name: 'bfd_instance without neighbour', code: 'bfd_instance B {\n    source_ip 192.0.2.1\n}\n', lines: [1], endLines: [3] },
    { name: 'a bfd_instance name of 32 characters', code: '! name\nbfd_instance abcdefghijklmnopqrstuvwxyz012345 {\n    neighbor_ip 192.0.2.11\n}\n', lines: [2], messages: ['too long'] },
  ],
});
