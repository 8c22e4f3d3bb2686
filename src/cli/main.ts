/**
 * The kaconf command line: parse flags, call a stage, print, set the exit code.
 * Each command's code is loaded only when that command runs, so start-up stays small.
 */
import yargs from 'yargs';
import { EXIT_USAGE, UsageError } from './exit.js';
import { STDIN_PATH } from '../syntax/source.js';

declare const KACONF_VERSION: string;

function fail(message: string): never {
  process.stderr.write(`kaconf: ${message}\nRun 'kaconf --help' for usage.\n`);
  process.exit(EXIT_USAGE);
}

async function run(action: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(e.message.startsWith('kaconf:') ? `${e.message}\n` : `kaconf: ${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error;
    process.stderr.write(`kaconf: internal error: ${err.message}\nPlease report this with the input that caused it.\n`);
    if (process.env.KACONF_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  }
}

/** commands this build has (the list grows as they land) */
const registered = new Set(['parse', 'lint', 'fmt', 'convert', 'explain', 'compile', 'run', 'status', 'genhash']);
const COMMANDS = ['parse', 'lint', 'fmt', 'convert', 'compile', 'run', 'status', 'explain', 'genhash'];

export async function main(rawArgv: string[]): Promise<void> {
  // yargs reads a lone `-` as a flag; it means standard input
  const argv = rawArgv.map((a) => (a === '-' ? STDIN_PATH : a));
  const first = argv.find((a) => !a.startsWith('-'));
  if (first !== undefined && argv.indexOf(first) === 0 && !COMMANDS.includes(first)) {
    fail(`unknown command '${first}' (commands: ${COMMANDS.filter((c) => registered.has(c)).join(', ')})`);
  }
  const cli = yargs(argv)
    .scriptName('kaconf')
    .usage('kaconf <command> [options]\n\nLint, format, convert, compile and run keepalived configuration.')
    .version(typeof KACONF_VERSION === 'string' ? KACONF_VERSION : 'dev')
    .help()
    .alias('h', 'help')
    .strict()
    .recommendCommands()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      fail(msg);
    })
    .command(
      'parse <file>',
      'print the AST of FILE and its syntax diagnostics as JSON',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'keepalived.conf to read (- for stdin)' })
          .option('host', { type: 'string', describe: 'select @HOST conditional lines for this host (keepalived -i)' })
          .option('raw', { type: 'boolean', default: false, describe: 'do not expand includes, parameters or sequences' }),
      (a) =>
        run(async () => (await import('./commands/parse.js')).runParse({ file: a.file, raw: a.raw, ...(a.host !== undefined ? { host: a.host } : {}) })),
    )
    .command(
      'lint <files..>',
      'check keepalived.conf files: findings with file:line:col, rule id and hint',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'config files (- for stdin)' })
          .option('format', { alias: 'f', choices: ['stylish', 'json', 'sarif', 'github'] as const, default: 'stylish', describe: 'output format' })
          .option('keepalived-version', { type: 'string', describe: 'keepalived release whose rules apply (default 2.3.2; 2.2.x and 2.3.x)' })
          .option('host', { type: 'string', describe: 'select @HOST conditional lines for this host' })
          .option('max-warnings', { type: 'number', describe: 'fail (exit 1) when there are more warnings than this' })
          .option('config', { type: 'string', describe: 'kaconf config file (default: kaconf.config.json found upwards)' })
          .option('color', { type: 'boolean', describe: 'colour the output (default: when stdout is a terminal and NO_COLOR is unset)' })
          .option('fix', { type: 'boolean', describe: 'apply safe fixes (a typo with one close match, a renamed keyword) to the files' }),
      (a) =>
        run(async () =>
          (await import('./commands/lint.js')).runLint({
            files: a.files as string[],
            format: a.format,
            ...(a['keepalived-version'] !== undefined ? { keepalivedVersion: a['keepalived-version'] } : {}),
            ...(a.host !== undefined ? { host: a.host } : {}),
            ...(a['max-warnings'] !== undefined ? { maxWarnings: a['max-warnings'] } : {}),
            ...(a.config !== undefined ? { config: a.config } : {}),
            ...(a.color !== undefined ? { color: a.color } : {}),
            ...(a.fix !== undefined ? { fix: a.fix } : {}),
          }),
        ),
    )
    .command(
      'fmt <files..>',
      'format keepalived.conf files canonically (prints to stdout unless --check or --write)',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'config files (- for stdin)' })
          .option('check', { type: 'boolean', describe: 'list files that are not formatted; exit 1 if any' })
          .option('write', { type: 'boolean', describe: 'rewrite the files in place (atomically, mode kept)' })
          .option('indent', { type: 'number', default: 4, describe: 'spaces per nesting level' }),
      (a) =>
        run(async () =>
          (await import('./commands/fmt.js')).runFmt({
            files: a.files as string[],
            indent: a.indent,
            ...(a.check !== undefined ? { check: a.check } : {}),
            ...(a.write !== undefined ? { write: a.write } : {}),
          }),
        ),
    )
    .command(
      'convert <file>',
      'convert between keepalived.conf, JSON and YAML without losing anything',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'input file (- for stdin, with --from)' })
          .option('to', { choices: ['json', 'yaml', 'conf'] as const, demandOption: true, describe: 'output format' })
          .option('from', { choices: ['conf', 'json', 'yaml'] as const, describe: 'input format (default: from the file name)' })
          .option('output', { alias: 'o', type: 'string', describe: 'write to this file (atomically, mode 0600) instead of stdout' })
          .option('indent', { type: 'number', default: 4, describe: 'spaces per nesting level of keepalived.conf output' })
          .option('force', { type: 'boolean', describe: 'write keepalived.conf even when the JSON/YAML does not validate' })
          .option('keepalived-version', { type: 'string', describe: 'keepalived release whose schema validates JSON/YAML input' }),
      (a) =>
        run(async () =>
          (await import('./commands/convert.js')).runConvert({
            file: a.file,
            to: a.to,
            indent: a.indent,
            ...(a.from !== undefined ? { from: a.from } : {}),
            ...(a.output !== undefined ? { output: a.output } : {}),
            ...(a.force !== undefined ? { force: a.force } : {}),
            ...(a['keepalived-version'] !== undefined ? { keepalivedVersion: a['keepalived-version'] } : {}),
          }),
        ),
    )
    .command(
      'compile <file>',
      'lint FILE, then write the executable plan kaconf run carries out (JSON, mode 0600)',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'keepalived.conf to compile' })
          .option('host', { type: 'string', describe: 'select @HOST conditional lines for this host' })
          .option('output', { alias: 'o', type: 'string', describe: 'write the plan to this file (atomically, mode 0600) instead of stdout' })
          .option('keepalived-version', { type: 'string', describe: 'keepalived release whose rules apply (default 2.3.2)' }),
      (a) =>
        run(async () =>
          (await import('./commands/compile.js')).runCompile({
            file: a.file,
            ...(a.host !== undefined ? { host: a.host } : {}),
            ...(a.output !== undefined ? { output: a.output } : {}),
            ...(a['keepalived-version'] !== undefined ? { keepalivedVersion: a['keepalived-version'] } : {}),
          }),
        ),
    )
    .command(
      'run <file>',
      'run the VRRP instances and virtual servers of a plan (or of a keepalived.conf) in the foreground',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'plan from kaconf compile, or keepalived.conf' })
          .option('host', { type: 'string', describe: 'select @HOST conditional lines (when FILE is a keepalived.conf)' })
          .option('dry-run', { type: 'boolean', describe: 'print what would be done and touch nothing' })
          .option('control', { type: 'string', describe: 'control socket for kaconf status (default /run/kaconf/kaconf.sock)' })
          .option('state', { type: 'string', describe: 'file recording the VIPs this daemon added (default: beside the control socket)' })
          .option('log-format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'log lines on stderr' })
          .option('ipvs', { choices: ['ipvsadm', 'record'] as const, describe: 'IPVS driver: ipvsadm (the kernel; default) or record (write the commands to --ipvs-record)' })
          .option('ipvs-record', { type: 'string', describe: 'with --ipvs=record: file each ipvsadm command is appended to, with a timestamp' })
          .option('keepalived-version', { type: 'string', describe: 'keepalived release whose rules apply (default 2.3.2)' }),
      (a) =>
        run(async () =>
          (await import('./commands/run.js')).runRun({
            file: a.file,
            logFormat: a['log-format'],
            ...(a.ipvs !== undefined ? { ipvs: a.ipvs } : {}),
            ...(a['ipvs-record'] !== undefined ? { ipvsRecord: a['ipvs-record'] } : {}),
            ...(a.host !== undefined ? { host: a.host } : {}),
            ...(a['dry-run'] !== undefined ? { dryRun: a['dry-run'] } : {}),
            ...(a.control !== undefined ? { control: a.control } : {}),
            ...(a.state !== undefined ? { state: a.state } : {}),
            ...(a['keepalived-version'] !== undefined ? { keepalivedVersion: a['keepalived-version'] } : {}),
          }),
        ),
    )
    .command(
      'status',
      'show the instances and virtual servers of a running kaconf run',
      (y) =>
        y
          .option('control', { type: 'string', describe: 'control socket (default /run/kaconf/kaconf.sock)' })
          .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }),
      (a) => run(async () => (await import('./commands/status.js')).runStatus({ format: a.format, ...(a.control !== undefined ? { control: a.control } : {}) })),
    )
    .command(
      'genhash [url]',
      "print the MD5 digest of a page's body as keepalived's genhash computes it (for HTTP_GET/SSL_GET digest)",
      (y) =>
        y
          .positional('url', { type: 'string', describe: 'http://ADDRESS[:PORT]/PATH or https://… (or use -s, -p, -u)' })
          .option('server', { alias: 's', type: 'string', describe: 'server address (keepalived genhash -s)' })
          .option('port', { alias: 'p', type: 'number', describe: 'server port (-p)' })
          .option('url-path', { alias: 'u', type: 'string', describe: 'path to get (-u)' })
          .option('use-ssl', { alias: 'S', type: 'boolean', describe: 'use TLS (-S)' })
          .option('use-sni', { alias: 'I', type: 'boolean', describe: 'send the virtualhost as SNI (-I)' })
          .option('use-virtualhost', { alias: 'V', type: 'string', describe: 'Host header (-V); default: the address and port' })
          .option('protocol', { alias: 'P', type: 'string', choices: ['1.0', '1.0c', '1.0C', '1.1'] as const, describe: 'HTTP protocol (-P; 1.0c: 1.0 with Connection: close)' })
          .option('timeout', { alias: 't', type: 'number', describe: 'connect and read timeout in seconds (-t; default none)' })
          .option('verbose', { alias: 'v', type: 'boolean', describe: 'print the request, the response header and sizes too' }),
      (a) =>
        run(async () =>
          (await import('./commands/genhash.js')).runGenhash({
            ...(a.url !== undefined ? { url: a.url } : {}),
            ...(a.server !== undefined ? { server: a.server } : {}),
            ...(a.port !== undefined ? { port: a.port } : {}),
            ...(a['url-path'] !== undefined ? { path: a['url-path'] } : {}),
            ...(a['use-ssl'] !== undefined ? { ssl: a['use-ssl'] } : {}),
            ...(a['use-sni'] !== undefined ? { sni: a['use-sni'] } : {}),
            ...(a['use-virtualhost'] !== undefined ? { virtualhost: a['use-virtualhost'] } : {}),
            ...(a.protocol !== undefined ? { protocol: a.protocol } : {}),
            ...(a.timeout !== undefined ? { timeout: a.timeout } : {}),
            ...(a.verbose !== undefined ? { verbose: a.verbose } : {}),
          }),
        ),
    )
    .command(
      'explain [rule]',
      "print a rule's documentation (without RULE: list every rule)",
      (y) => y.positional('rule', { type: 'string', describe: 'rule id, e.g. vrrp-strict/no-auth' }),
      (a) => run(async () => (await import('./commands/explain.js')).runExplain(a.rule)),
    )
    .demandCommand(1, 'give a command');
  await cli.parseAsync();
}
