/** Source files: reading them, and turning offsets into 1-based line/column positions. */
import { readFileSync, realpathSync, statSync } from 'node:fs';

export class SourceFile {
  readonly lineStarts: number[];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  /** 1-based line and column of a 0-based offset (an offset at the end is allowed). */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

/** The path standing for standard input (`-` on the command line). */
export const STDIN_PATH = '/dev/stdin';

/** What reading a file can give: its text, or why it could not be read. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Read a config file as keepalived does: bytes, not a particular encoding. Invalid UTF-8 is
 * decoded to U+FFFD so that every byte still has a place.
 */
export function readSource(path: string): ReadResult {
  try {
    if (path === STDIN_PATH) return { ok: true, text: readFileSync(0).toString('utf8') };
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, reason: 'is a directory' };
    return { ok: true, text: readFileSync(path).toString('utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (err.code === 'EACCES') return { ok: false, reason: 'permission denied' };
    return { ok: false, reason: err.message };
  }
}

export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
