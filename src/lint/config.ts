/**
 * The per-project configuration of kaconf lint: a JSON file, `kaconf.config.json` (or
 * `.kaconfrc.json`) found from the working directory upwards, or given with --config.
 *
 *   { "keepalivedVersion": "2.2.7",
 *     "host": "lb1",
 *     "rules": { "vrrp-strict/no-auth": "off", "duplicate-keyword": "error" } }
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../diagnostics.js';

export type RuleSetting = Severity | 'off';

export interface ProjectConfig {
  keepalivedVersion?: string;
  host?: string;
  rules?: Record<string, RuleSetting>;
  /** where it was read from */
  path?: string;
}

const NAMES = ['kaconf.config.json', '.kaconfrc.json'];
const SETTINGS = new Set(['error', 'warning', 'info', 'off']);

export function findConfig(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    for (const n of NAMES) if (existsSync(join(dir, n))) return join(dir, n);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Read and check a config file; problems come back as one-line messages naming the file. */
export function loadConfig(path: string, knownRule: (id: string) => boolean): ProjectConfig | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: `${path}: ${err.code === 'ENOENT' ? 'no such file' : `not valid JSON (${err.message})`}` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { error: `${path}: expected a JSON object` };
  const o = raw as Record<string, unknown>;
  const out: ProjectConfig = { path };
  for (const key of Object.keys(o)) {
    if (!['keepalivedVersion', 'host', 'rules', '$schema'].includes(key)) return { error: `${path}: unknown setting "${key}" (known: keepalivedVersion, host, rules)` };
  }
  if (o.keepalivedVersion !== undefined) {
    if (typeof o.keepalivedVersion !== 'string') return { error: `${path}: "keepalivedVersion" must be a string such as "2.2.7"` };
    out.keepalivedVersion = o.keepalivedVersion;
  }
  if (o.host !== undefined) {
    if (typeof o.host !== 'string') return { error: `${path}: "host" must be a string` };
    out.host = o.host;
  }
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object' || Array.isArray(o.rules)) return { error: `${path}: "rules" must be an object of rule id → error|warning|info|off` };
    out.rules = {};
    for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (!knownRule(id)) return { error: `${path}: unknown rule "${id}" in "rules" (kaconf explain lists them)` };
      if (typeof v !== 'string' || !SETTINGS.has(v)) return { error: `${path}: rule "${id}" must be set to error, warning, info or off` };
      out.rules[id] = v as RuleSetting;
    }
  }
  return out;
}
