/**
 * Writes fixtures/differential/<family>/<NN>-<slug>.conf from the single-mistake cases the
 * vocabulary research recorded (fixtures/vocab/*.invalid.md): each case's config, with its
 * title as a comment. The differential test runs every one through keepalived -t and kaconf.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const families = { global_defs: 'global', vrrp: 'vrrp', ipvs: 'ipvs' } as const;
let total = 0;
for (const [src, family] of Object.entries(families)) {
  const md = readFileSync(`fixtures/vocab/${src}.invalid.md`, 'utf8').split('\n');
  const dir = join('fixtures/differential', family);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < md.length; i++) {
    const h = /^#{2,3} (\d+)\.\s+(.*)$/.exec(md[i]!);
    if (!h) continue;
    let j = i + 1;
    while (j < md.length && !md[j]!.startsWith('```') && !/^#{2,3} \d+\./.test(md[j]!)) j++;
    if (j >= md.length || !md[j]!.startsWith('```')) continue;
    const start = j + 1;
    let end = start;
    while (end < md.length && !md[end]!.startsWith('```')) end++;
    const title = h[2]!.replace(/`/g, '').trim();
    if (/baseline/i.test(title)) continue;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
    // the notes abbreviate long words as `aaaa…a  (255 × 'a')`: write the real word
    const body = md
      .slice(start, end)
      .join('\n')
      .replace(/\S*…\S*\s+\((\d+) × '(.)'\)/g, (_m, n: string, c: string) => c.repeat(Number(n)));
    writeFileSync(join(dir, `${h[1]!.padStart(3, '0')}-${slug}.conf`), `! ${title}\n${body}\n`);
    total++;
  }
}
console.log(`wrote ${total} cases`);
