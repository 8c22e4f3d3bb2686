import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'fixtures');
export const SAMPLES_DIR = '/usr/share/doc/keepalived/samples';

/** keepalived's packaged sample configs (Debian's keepalived package), when installed. */
export function sampleConfigs(): string[] {
  if (!existsSync(SAMPLES_DIR)) return [];
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.startsWith('keepalived.conf'))
    .map((f) => join(SAMPLES_DIR, f));
}

export function seedConfigs(): string[] {
  const dir = join(FIXTURES, 'seed');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => join(dir, f));
}
