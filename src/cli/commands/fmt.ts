/** `kaconf fmt FILE... [--check | --write] [--indent N]`. */
import { formatText } from '../../format/index.js';
import { REPORTERS } from '../../lint/reporters/index.js';
import { readSource, SourceFile, STDIN_PATH } from '../../syntax/source.js';
import { displayPath } from '../../syntax/preprocess.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exit.js';
import { writeFileAtomic } from '../write-file.js';

export interface FmtArgs {
  files: string[];
  check?: boolean;
  write?: boolean;
  indent: number;
}

export function runFmt(args: FmtArgs): number {
  if (args.check && args.write) throw new UsageError('kaconf: --check and --write cannot be used together');
  if (!Number.isInteger(args.indent) || args.indent < 0 || args.indent > 16) throw new UsageError('kaconf: --indent takes a number of spaces from 0 to 16');
  if (args.write && args.files.includes(STDIN_PATH)) throw new UsageError('kaconf: --write needs files, not standard input');
  let status = EXIT_OK;
  for (const file of args.files) {
    const read = readSource(file);
    if (!read.ok) throw new UsageError(`kaconf: cannot read ${file}: ${read.reason}`);
    const r = formatText(read.text, file, args.indent);
    const shown = file === STDIN_PATH ? '<stdin>' : displayPath(file);
    if (r.output === undefined) {
      // syntax errors: the file is left as it is
      const src = new SourceFile(file, read.text);
      process.stderr.write(
        REPORTERS.stylish!({ results: [{ file, diagnostics: r.diagnostics, sources: [src] }], sources: new Map([[file, src]]), color: false, version: '' }),
      );
      process.stderr.write(`kaconf: ${shown} has syntax errors; not formatted\n`);
      status = EXIT_FINDINGS;
      continue;
    }
    const changed = r.output !== read.text;
    if (args.check) {
      if (changed) {
        process.stdout.write(`${shown}\n`);
        status = EXIT_FINDINGS;
      }
    } else if (args.write) {
      if (changed) {
        writeFileAtomic(file, r.output);
        process.stderr.write(`formatted ${shown}\n`);
      }
    } else process.stdout.write(r.output);
  }
  if (args.check && status === EXIT_FINDINGS) process.stderr.write("kaconf: the files above are not formatted; run 'kaconf fmt --write' on them\n");
  return status;
}
