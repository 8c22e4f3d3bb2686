import type { Rule } from '../../rule.js';
import { trackItems } from '../vrrp/tracking.js';

/** The same object twice in one track list. */
export const duplicateTrack: Rule = {
  meta: {
    id: 'refs/duplicate-track',
    severity: 'error',
    description: 'The same interface, script, file, process or BFD instance listed twice in one track block.',
    docs:
      'Each tracked object counts once per instance or sync group. keepalived reports a second entry for the same object in a `track_interface`, `track_script`, `track_file`, `track_process` or `track_bfd` list, ignores it (its weight too), and `keepalived -t` fails. Repeated track blocks are merged first, so this also applies across two `track_script { }` blocks of one instance.\n\n' +
      '```\ntrack_script {\n    chk weight 10\n    chk weight -10     ! ignored\n}\n```',
    keepalived: '(VI_1) duplicate track_script chk - ignoring',
  },
  check(ctx) {
    for (const t of trackItems(ctx)) {
      if (t.duplicateOf === undefined) continue;
      const first = ctx.locate(`${t.owner}/${t.kind}/${t.duplicateOf}`).line;
      ctx.report({
        pointer: t.pointer,
        message: `${t.name} is already in ${t.kind} of ${t.ownerKind} ${t.ownerName} (line ${first}); keepalived ignores this entry`,
        hint: 'keep one entry (with the weight you want)',
      });
    }
  },
};
