import type { Rule } from '../../rule.js';
import { allCheckers, closeLoc, readingPosition } from '../ipvs/util.js';

/** FILE_CHECK left without a track file. */
export const fileCheckWithoutTrackFile: Rule = {
  meta: {
    id: 'checker/file-check-without-track-file',
    severity: 'error',
    description: 'A FILE_CHECK left without a track file (none given, or the one named was not found).',
    docs:
      'A FILE_CHECK needs a `track_file` naming a track_file block defined above it. keepalived checks at the closing brace that it has one — none was written, or the name was not found (see `checker/file-check-track-file`) — and otherwise reports and removes the checker; `keepalived -t` fails.\n\n```\nFILE_CHECK {\n    track_file maint\n}\n```',
    keepalived: 'FILE_CHECK has no track_file specified - ignoring',
  },
  check(ctx) {
    const defs = [...ctx.named('track_file'), ...ctx.named('vrrp_track_file')].map((e) => ({ ...e, pos: readingPosition(ctx, e.pointer) }));
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'FILE_CHECK') continue;
      const tf = c.body.track_file;
      if (typeof tf === 'string') {
        const at = readingPosition(ctx, `${c.pointer}/track_file`);
        if (defs.some((d) => d.name === tf && d.pos < at && typeof d.body.file === 'string' && d.body.file !== '')) continue;
      }
      ctx.report({
        loc: closeLoc(ctx, c.pointer),
        message: typeof tf === 'string' ? `FILE_CHECK is left without a track file (track_file ${tf} was not found); keepalived removes the checker` : 'FILE_CHECK has no `track_file`; keepalived removes the checker',
        hint: typeof tf === 'string' ? 'fix the track_file reported above' : 'add `track_file NAME`',
      });
    }
  },
};
