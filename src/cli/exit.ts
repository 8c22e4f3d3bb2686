/** Exit codes, the same for every command (a contract: CI pipelines depend on them). */
export const EXIT_OK = 0;
/** findings at error level, or an input kaconf refuses */
export const EXIT_FINDINGS = 1;
/** usage or I/O error */
export const EXIT_USAGE = 2;

/** A problem that ends the command with a one-line message (no stack trace). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}
