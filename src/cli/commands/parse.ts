/** `kaconf parse FILE [--host NAME] [--raw]`: the AST and diagnostics as JSON on stdout. */
import { parseFile } from '../../syntax/index.js';
import { toJsonDiagnostic } from '../../lint/json-diagnostic.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exit.js';

export interface ParseArgs {
  file: string;
  host?: string;
  raw?: boolean;
}

export function runParse(args: ParseArgs): number {
  const result = parseFile(args.file, {
    mode: args.raw ? 'raw' : 'expanded',
    ...(args.host !== undefined ? { host: args.host } : {}),
  });
  if ('ioError' in result) throw new UsageError(`kaconf: cannot read ${result.ioError}`);
  const out = {
    file: result.file,
    ast: result.ast,
    diagnostics: result.diagnostics.map(toJsonDiagnostic),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
