/** `kaconf explain [RULE]`: a rule's docs, or the list of rules. */
import { ALL_RULES, ruleById } from '../../lint/rules/index.js';
import { closest } from 'fastest-levenshtein';
import { EXIT_OK, UsageError } from '../exit.js';

export function runExplain(rule: string | undefined): number {
  if (!rule) {
    const width = Math.max(...ALL_RULES.map((r) => r.meta.id.length));
    for (const r of ALL_RULES) process.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.description}\n`);
    return EXIT_OK;
  }
  const r = ruleById(rule);
  if (!r) {
    const guess = closest(rule, ALL_RULES.map((x) => x.meta.id));
    throw new UsageError(`kaconf: no rule ${rule}; did you mean ${guess}? ('kaconf explain' lists every rule)`);
  }
  const m = r.meta;
  let out = `${m.id}  (${m.severity}${m.fixable ? ', fixable' : ''})\n\n${m.description}\n\n${m.docs}\n`;
  if (m.keepalived) out += `\nkeepalived says: ${m.keepalived}\n`;
  process.stdout.write(out);
  return EXIT_OK;
}
