import { ruleTester } from '../../helpers/lint.js';

const conf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const instance = (name: string, vrid: number, ...body: string[]): string[] => [
  `vrrp_instance ${name} {`,
  '    interface eth0',
  `    virtual_router_id ${vrid}`,
  ...body,
  '    virtual_ipaddress {',
  `        10.0.0.${vrid}/24`,
  '    }',
  '}',
];
const pass = ['    authentication {', '        auth_type PASS', '        auth_pass secret', '    }'];
const group = (...names: string[]): string[] => ['vrrp_sync_group G1 {', '    group {', ...names.map((n) => `        ${n}`), '    }', '}'];

ruleTester('auth/sync-group-mismatch', {
  valid: [
    { name: 'every member with PASS', code: conf(...group('VI_1', 'VI_2'), ...instance('VI_1', 51, ...pass), ...instance('VI_2', 52, ...pass)) },
    { name: 'no member with authentication', code: conf(...group('VI_1', 'VI_2'), ...instance('VI_1', 51), ...instance('VI_2', 52)) },
    {
      name: 'authentication that keepalived drops (version 3) counts as none',
      code: conf(...group('VI_1', 'VI_2'), ...instance('VI_1', 51, '    version 3', ...pass), ...instance('VI_2', 52)),
    },
  ],
  invalid: [
    {
      name: 'one member without authentication, at its name in the group',
      code: conf(...group('VI_1', 'VI_2', 'VI_3'), ...instance('VI_1', 51, ...pass), ...instance('VI_2', 52), ...instance('VI_3', 53, ...pass)),
      lines: [4],
      messages: ['VI_2 uses no authentication but VI_1 uses PASS'],
    },
  ],
});
