/** src/format: keepalived.conf text → canonical text (idempotent, comment-preserving, never expanding). */
import type { Diagnostic } from '../diagnostics.js';
import { parseText } from '../syntax/index.js';
import { canonicalize } from './canonical.js';
import { printConf } from './print.js';

export interface FormatResult {
  /** the formatted text; absent when the input has syntax errors */
  output?: string;
  /** syntax errors that stop formatting */
  diagnostics: Diagnostic[];
}

export function formatText(text: string, file: string, indent = 4): FormatResult {
  const parsed = parseText(text, file, { mode: 'raw' });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { diagnostics: errors };
  return { output: printConf(canonicalize(parsed.ast), { indent }), diagnostics: [] };
}
