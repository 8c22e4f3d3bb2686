/** Docs of the findings the parser makes (src/syntax); they are reported while reading, not by a check here. */
import type { Rule } from '../../rule.js';

function meta(id: string, severity: Rule['meta']['severity'], description: string, docs: string, keepalived?: string): Rule {
  return { meta: { id, severity, description, docs, ...(keepalived ? { keepalived } : {}) } };
}

export const syntaxRules: Rule[] = [
  meta(
    'syntax/unclosed-block',
    'error',
    'A block opened with `{` is never closed.',
    'Every `{` needs its `}`. keepalived reads to the end of the file and then reports how many `}` are missing, without saying where; kaconf points at the `{` of the block that is left open.\n\n```\nvrrp_instance VI_1 {\n    state BACKUP\n!   <- missing }\n```',
    "There are N missing '}'s or extra '{'s",
  ),
  meta(
    'syntax/unexpected-close',
    'error',
    'A `}` that closes no block.',
    'A `}` at the top level closes nothing. Usually a block above was closed twice, or its `{` is missing. keepalived reports the extra `}` and then treats it as an unknown keyword.',
    "Extra '}' found",
  ),
  meta(
    'syntax/block-without-keyword',
    'error',
    'A `{` with no keyword before it.',
    'A block must follow its keyword (on the same line or a later one). A lone `{` is ignored by keepalived, and its lines are read as part of the enclosing block.',
    "Unexpected '{' - ignoring",
  ),
  meta(
    'syntax/unterminated-quote',
    'error',
    'A double-quoted string is not closed on its line.',
    'Quoted strings end on the line they start on. keepalived reports the unterminated quote and the line is misread.',
    "Unterminated quote / Unmatched quote",
  ),
  meta(
    'syntax/include-missing',
    'error',
    'An included file or directory does not exist or cannot be read.',
    'keepalived logs "Config files missing" and goes on without the file, so whatever it holds is silently absent. Relative paths are taken from the directory of the file that has the `include`.',
    "Config files missing '...' (logged; -t still passes)",
  ),
  meta(
    'syntax/include-empty',
    'info',
    'A wildcard include matches no file.',
    'An `include` with a wildcard that matches nothing in an existing directory is allowed (an empty conf.d). kaconf notes it in case the pattern is wrong.',
  ),
  meta(
    'syntax/include-cycle',
    'error',
    'Files include each other in a loop.',
    'A file that includes itself, directly or through other files, would be read again and again. kaconf reads it once and reports the include that closes the loop.',
  ),
  meta(
    'syntax/unknown-parameter',
    'warning',
    'A `$NAME` that is not substituted.',
    'keepalived substitutes `$NAME` only when NAME is defined (`$NAME=value`) before the line, and only when the name is followed by a blank, `,`, `)` or the end of the line; otherwise the text stays as written. Write `${NAME}` when the name runs into other characters.\n\n```\n$DIR=/etc/keepalived\ninclude $DIR/vips.conf      ! not substituted: "/" follows the name\ninclude ${DIR}/vips.conf    ! substituted\n```',
  ),
  meta(
    'syntax/parameter-recursion',
    'error',
    'A parameter definition refers to itself.',
    'A definition that uses itself, directly or through others, never stops expanding. keepalived loops until the line is too long (or forever); kaconf stops and reports it.',
  ),
  meta('syntax/invalid-seq', 'error', 'A `~SEQ` or `~LST` line that cannot be read.', 'Forms: `~SEQ(VAR, END)`, `~SEQ(VAR, START, END)`, `~SEQ(VAR, START, STEP, END)` (`~SEQx` counts in hex), `~LST(VAR, V1, V2, ...)` and `~LST({A, B}, {a1, b1}, {a2, b2})`. The step must lead from START to END.', 'Invalid ~SEQ specification'),
  meta('syntax/empty-conditional', 'warning', 'A conditional prefix with nothing after it.', '`@NAME` must be followed by the line to use on host NAME; alone, keepalived ignores the line.'),
  meta(
    'syntax/line-too-long',
    'warning',
    'A line longer than keepalived reads.',
    'keepalived reads a line into a 1024-byte buffer: beyond 1023 bytes, the rest of the line is read as a line of its own, which is rarely what was meant. After parameter substitution the limit also applies.',
  ),
  meta(
    'syntax/too-deep',
    'error',
    'Blocks nested deeper than any keepalived config can be.',
    'keepalived\'s blocks nest a few levels at most (`virtual_server` > `real_server` > `HTTP_GET` > `url`). kaconf reads braces nested more than 64 levels deep as plain words and reports the first: such a file is broken (usually many `}` are missing) or not a keepalived config.',
  ),
  meta('syntax/nul-byte', 'error', 'A NUL byte in the file.', 'keepalived reads each line as a C string, so a NUL byte ends the line and the rest of it is lost. A config file must be text.'),
];
