/** Writes the rule table of README.md (between the rules markers) from the rules' own metadata. */
import { readFileSync, writeFileSync } from 'node:fs';
import { ALL_RULES } from '../src/lint/rules/index.js';

export function rulesTable(): string {
  const rows = ALL_RULES.map((r) => `| \`${r.meta.id}\` | ${r.meta.severity} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | severity | finds |', '|---|---|---|', ...rows].join('\n');
}

if (process.argv[1]?.endsWith('readme-rules.ts')) {
  const readme = readFileSync('README.md', 'utf8');
  const out = readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${rulesTable()}\n<!-- rules:end -->`);
  writeFileSync('README.md', out);
  console.log(`README.md: ${ALL_RULES.length} rules`);
}
