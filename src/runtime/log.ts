/**
 * Logs for a foreground daemon under systemd: one line per event on stderr. `text`: an ISO
 * timestamp, the level and the message (`(VI_1) Entering MASTER STATE`, as keepalived says it);
 * with JOURNAL_STREAM set, a syslog priority prefix (`<6>`) so journald keeps the level.
 * `json`: one object per line with time, level, message and the event's fields.
 */
import type { Logger, LogLevel } from './drivers.js';

const PRIORITY: Record<LogLevel, number> = { error: 3, warning: 4, info: 6, debug: 7 };

export function streamLogger(format: 'text' | 'json', write: (line: string) => void = (l) => process.stderr.write(l), opts: { debug?: boolean; journal?: boolean } = {}): Logger {
  const journal = opts.journal ?? Boolean(process.env.JOURNAL_STREAM);
  return {
    log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
      if (level === 'debug' && !opts.debug) return;
      const time = new Date().toISOString();
      if (format === 'json') write(`${JSON.stringify({ time, level, message, ...fields })}\n`);
      else write(`${journal ? `<${PRIORITY[level]}>` : ''}${time} ${level.toUpperCase().padEnd(7)} ${message}\n`);
    },
  };
}

/** A logger that keeps lines (tests). */
export function memoryLogger(): Logger & { lines: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] = [];
  return { lines, log: (level, message, fields) => void lines.push(fields ? { level, message, fields } : { level, message }) };
}
