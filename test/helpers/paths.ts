import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * Cases whose keepalived verdict depends on the host keepalived runs on (users, CPUs, files,
 * iproute2 names, devices), not on the config: `family/file` (differential) or `samples/file`
 * → why. The fidelity tests skip exactly these, with the reason.
 */
export function hostDependent(): Record<string, string> {
  return JSON.parse(readFileSync(join(FIXTURES, 'differential', 'host-dependent.json'), 'utf8')) as Record<string, string>;
}

/** Every config the round-trip and formatting tests run over: seeds, keepalived's samples, fixtures. */
export function corpusConfigs(): string[] {
  const fixtureConfs = ['parse', 'vocab', 'lint'].flatMap((d) =>
    readdirSync(join(FIXTURES, d))
      .filter((f) => f.endsWith('.conf'))
      .map((f) => join(FIXTURES, d, f)),
  );
  return [...seedConfigs(), ...sampleConfigs(), ...fixtureConfs];
}
