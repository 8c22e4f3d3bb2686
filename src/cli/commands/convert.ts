/** `kaconf convert FILE --to json|yaml|conf [--from ...] [-o OUT]`. */
import { convert, formatFromName, type Format } from '../../model/convert.js';
import { parseVersion } from '../../model/versions.js';
import { displayPath } from '../../syntax/preprocess.js';
import { readSource, STDIN_PATH } from '../../syntax/source.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exit.js';
import { writeFileAtomic } from '../write-file.js';
import { resolveVersion, projectConfig } from './lint.js';

export interface ConvertArgs {
  file: string;
  to: Format;
  from?: Format;
  output?: string;
  indent: number;
  force?: boolean;
  keepalivedVersion?: string;
}

export function runConvert(args: ConvertArgs): number {
  const from = args.from ?? (args.file === STDIN_PATH ? undefined : formatFromName(args.file));
  if (!from) throw new UsageError(`kaconf: cannot tell the format of ${args.file} from its name; give --from conf|json|yaml`);
  const read = readSource(args.file);
  if (!read.ok) throw new UsageError(`kaconf: cannot read ${args.file}: ${read.reason}`);
  const version = parseVersion(resolveVersion(args.keepalivedVersion, projectConfig(undefined)))!;
  const r = convert(read.text, args.file, from, args.to, { indent: args.indent, version, ...(args.force ? { force: true } : {}) });
  const shown = args.file === STDIN_PATH ? '<stdin>' : displayPath(args.file);
  for (const p of r.problems) {
    const where = `${shown}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}`;
    process.stderr.write(`${where}: ${p.severity}: ${p.message}${p.pointer !== undefined ? ` (at ${p.pointer || '/'})` : ''}${p.hint ? `\n  hint: ${p.hint}` : ''}\n`);
  }
  if (r.output === undefined) {
    process.stderr.write(`kaconf: ${shown} was not converted${from !== 'conf' && !args.force ? ' (--force writes it anyway)' : ''}\n`);
    return EXIT_FINDINGS;
  }
  if (args.output) {
    // a converted config may hold secrets (auth_pass): written files are private to the owner
    writeFileAtomic(args.output, r.output, 0o600);
  } else process.stdout.write(r.output);
  return r.problems.some((p) => p.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
