/** `kaconf lint FILE...`: findings in the chosen format; exit 1 when they fail the run. */
import { findConfig, loadConfig, type ProjectConfig } from '../../lint/config.js';
import { lintFile, type LintResult } from '../../lint/index.js';
import { REPORTERS } from '../../lint/reporters/index.js';
import { summary } from '../../lint/reporters/types.js';
import { ALL_RULES } from '../../lint/rules/index.js';
import { preloadValidator } from '../../model/validate.js';
import { DEFAULT_VERSION, formatVersion, KNOWN_VERSIONS, parseVersion } from '../../model/versions.js';
import { STDIN_PATH, type SourceFile } from '../../syntax/source.js';
import { applyFixes } from '../../lint/fix.js';
import { writeFileAtomic } from '../write-file.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exit.js';

export interface LintArgs {
  files: string[];
  format: string;
  keepalivedVersion?: string;
  host?: string;
  maxWarnings?: number;
  config?: string;
  color?: boolean;
  fix?: boolean;
}

const knownRule = (id: string): boolean => {
  const prefix = id.endsWith('/') ? id : `${id}/`;
  return ALL_RULES.some((r) => r.meta.id === id || r.meta.id.startsWith(prefix));
};

export function projectConfig(explicit: string | undefined): ProjectConfig {
  const path = explicit ?? findConfig(process.cwd());
  if (!path) return {};
  const cfg = loadConfig(path, knownRule);
  if ('error' in cfg) throw new UsageError(`kaconf: ${cfg.error}`);
  return cfg;
}

export function resolveVersion(flag: string | undefined, cfg: ProjectConfig): string {
  const text = flag ?? cfg.keepalivedVersion ?? DEFAULT_VERSION;
  const v = parseVersion(text);
  if (!v || v[0] !== 2 || v[1] < 2 || v[1] > 3) {
    throw new UsageError(`kaconf: --keepalived-version ${text}: kaconf describes keepalived 2.2.x and 2.3.x (checked exactly: ${KNOWN_VERSIONS.join(', ')})`);
  }
  return formatVersion(v);
}

export async function runLint(args: LintArgs): Promise<number> {
  const reporter = REPORTERS[args.format];
  if (!reporter) throw new UsageError(`kaconf: unknown --format ${args.format} (stylish, json, sarif, github)`);
  const cfg = projectConfig(args.config);
  const versionText = resolveVersion(args.keepalivedVersion, cfg);
  const host = args.host ?? cfg.host;
  await preloadValidator(parseVersion(versionText)!);
  const results: LintResult[] = [];
  const sources = new Map<string, SourceFile>();
  const options = { version: parseVersion(versionText)!, ...(host !== undefined ? { host } : {}), ...(cfg.rules ? { rules: cfg.rules } : {}) };
  for (const file of args.files) {
    let r = lintFile(file, options);
    if ('ioError' in r) throw new UsageError(`kaconf: cannot read ${r.ioError}`);
    if (args.fix && file !== STDIN_PATH) {
      // safe fixes (typos with one close match, renamed keywords), written atomically, then lint again
      let fixed = 0;
      for (const src of r.sources) {
        const { text, applied } = applyFixes(src, r.diagnostics);
        if (applied === 0) continue;
        writeFileAtomic(src.path, text);
        fixed += applied;
      }
      if (fixed > 0) {
        process.stderr.write(`kaconf: fixed ${fixed} finding${fixed === 1 ? '' : 's'} in ${file}\n`);
        const again = lintFile(file, options);
        if ('ioError' in again) throw new UsageError(`kaconf: cannot read ${again.ioError}`);
        r = again;
      }
    }
    results.push(r);
    for (const s of r.sources) sources.set(s.path, s);
  }
  const color = args.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  process.stdout.write(reporter({ results, sources, color, version: versionText }));
  const s = summary(results);
  if (s.errors > 0) return EXIT_FINDINGS;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && s.warnings > args.maxWarnings) {
    process.stderr.write(`kaconf: ${s.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
