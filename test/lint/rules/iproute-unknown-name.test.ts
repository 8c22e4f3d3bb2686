import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ruleTester } from '../../helpers/lint.js';

// an iproute2 directory of our own (keepalived 2.3 reads the one iproute_etc_dir names)
// named now (the configs below hold the path), made when the tests run: a filtered run that
// skips them all runs no hooks and leaves nothing behind
const dir = join(tmpdir(), `kaconf-iproute-${process.pid}-${Date.now()}`);
beforeAll(() => {
  mkdirSync(join(dir, 'rt_scopes.d'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'rt_tables'), '# tables\n100\tkaconf_test_table\n200 two words here\n');
  writeFileSync(join(dir, 'rt_scopes.d', 'extra.conf'), '42 kaconf_test_scope\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inst = (lines: string, global = ''): string =>
  `${global}vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n${lines}}\n`;
const routes = (route: string): string => `  virtual_routes {\n    ${route}\n  }\n`;
const own = `global_defs {\n  iproute_etc_dir ${dir}\n}\n`;

ruleTester('iproute/unknown-name', {
  valid: [
    { name: 'built-in table names', code: inst(routes('10.5.0.0/16 dev eth0 table main')) },
    { name: 'a table number', code: inst(routes('10.5.0.0/16 dev eth0 table 100')) },
    { name: 'a hexadecimal table number', code: inst(routes('10.5.0.0/16 dev eth0 table 0x64')) },
    { name: 'built-in scope on an address', code: inst('  virtual_ipaddress_excluded {\n    10.0.1.1/24 scope link\n  }\n') },
    { name: 'a table defined in iproute_etc_dir', code: inst(routes('10.5.0.0/16 dev eth0 table kaconf_test_table'), own) },
    { name: 'a scope defined in a .d file of iproute_etc_dir', code: inst(routes('10.5.0.0/16 dev eth0 scope kaconf_test_scope'), own) },
  ],
  invalid: [
    { name: 'an unknown table in a route', code: inst(routes('10.5.0.0/16 dev eth0 table kaconf_no_such_table')), lines: [8], messages: ["routing table 'kaconf_no_such_table'"] },
    { name: 'an unknown scope on an address', code: 'static_ipaddress {\n  10.0.0.1/24 dev eth0 scope kaconf_planet\n}\n', lines: [2], messages: ["scope 'kaconf_planet'"] },
    { name: 'an unknown table in a rule', code: 'static_rules {\n  from 10.0.0.0/8 table kaconf_no_such_table priority 100\n}\n', lines: [2] },
    { name: 'the second half of a realm pair', code: 'static_routes {\n  10.1.0.0/16 dev eth0 realms 1/kaconf_no_such_realm\n}\n', lines: [2], messages: ["realm 'kaconf_no_such_realm'"] },
    { name: 'a line with too many fields does not define a name', code: inst(routes('10.5.0.0/16 dev eth0 table two'), own), lines: [11] },
    { name: '2.2.7 reads only /etc/iproute2', version: '2.2.7', code: inst(routes('10.5.0.0/16 dev eth0 table kaconf_test_table')), lines: [8] },
  ],
});
