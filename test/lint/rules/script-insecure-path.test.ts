import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { rmSync } from 'node:fs';
import { ruleTester, type InvalidCase, type RuleCase } from '../../helpers/lint.js';

// a world-writable directory holding a script, and (as root) a symlinked directory, in a temporary tree
const root = mkdtempSync(join(tmpdir(), 'kaconf-insecure-'));
chmodSync(root, 0o755);
const open = join(root, 'open');
mkdirSync(open);
chmodSync(open, 0o777);
writeFileSync(join(open, 'chk.sh'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
const real = join(root, 'real');
mkdirSync(real, { mode: 0o755 });
writeFileSync(join(real, 'chk.sh'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
symlinkSync(real, join(root, 'link'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;
const SEC = 'global_defs {\n  enable_script_security\n  script_user root\n}\n';
const conf = (path: string): string =>
  `${SEC}vrrp_script chk {\n  script ${path}\n}\nvrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_script {\n    chk\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

const valid: RuleCase[] = [
  { name: 'a path that does not exist here says nothing', code: conf('/nonexistent/kaconf/chk.sh') },
  { name: 'a script run as a non-root user is not checked', code: conf(join(open, 'chk.sh')).replace('script_user root', 'script_user nobody') },
];
const invalid: InvalidCase[] = [{ name: 'a world-writable directory', code: conf(join(open, 'chk.sh')), lines: [6], messages: [isRoot ? 'writable by everyone' : 'not root'] }];
if (isRoot) {
  valid.push({ name: 'a root-owned path', code: conf(join(real, 'chk.sh')) });
  valid.push({ name: '2.2.7 resolves a symlinked directory first', code: conf(join(root, 'link', 'chk.sh')), version: '2.2.7' });
  invalid.push({ name: '2.3 refuses a symlinked directory', code: conf(join(root, 'link', 'chk.sh')), lines: [6], messages: ['symbolic link'] });
}

ruleTester('script/insecure-path', { valid, invalid });
