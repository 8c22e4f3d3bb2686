/** `kaconf compile FILE [--host NAME] [-o PLAN]`: lint, then write the executable plan (0600: it holds auth_pass). */
import { compileFile } from '../../compile/index.js';
import type { LintResult } from '../../lint/index.js';
import { REPORTERS } from '../../lint/reporters/index.js';
import { preloadValidator } from '../../model/validate.js';
import { parseVersion } from '../../model/versions.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exit.js';
import { writeFileAtomic } from '../write-file.js';
import { projectConfig, resolveVersion } from './lint.js';

export interface CompileArgs {
  file: string;
  host?: string;
  output?: string;
  keepalivedVersion?: string;
}

export function printFindings(lint: LintResult, version: string): void {
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  process.stderr.write(REPORTERS.stylish!({ results: [lint], sources: new Map(lint.sources.map((s) => [s.path, s])), color, version }));
}

export async function runCompile(args: CompileArgs): Promise<number> {
  const cfg = projectConfig(undefined);
  const versionText = resolveVersion(args.keepalivedVersion, cfg);
  const version = parseVersion(versionText)!;
  await preloadValidator(version);
  const host = args.host ?? cfg.host;
  const r = compileFile(args.file, { version, ...(host !== undefined ? { host } : {}), ...(cfg.rules ? { rules: cfg.rules } : {}) });
  if (!r.ok) {
    if (r.ioError) throw new UsageError(`kaconf: cannot read ${r.ioError}`);
    if (r.lint) printFindings(r.lint, versionText);
    if (r.errors) throw new UsageError(`kaconf: internal error: the plan does not validate:\n  ${r.errors.join('\n  ')}`, 70);
    process.stderr.write(`kaconf: ${args.file} has errors; no plan written\n`);
    return EXIT_FINDINGS;
  }
  for (const w of r.warnings) process.stderr.write(`kaconf: warning: ${w}\n`);
  const text = `${JSON.stringify(r.plan, null, 2)}\n`;
  if (args.output) writeFileAtomic(args.output, text, 0o600);
  else process.stdout.write(text);
  return EXIT_OK;
}
