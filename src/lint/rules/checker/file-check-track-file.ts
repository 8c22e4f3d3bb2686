import type { Rule } from '../../rule.js';
import { allCheckers, readingPosition } from '../ipvs/util.js';

/** FILE_CHECK naming a track_file keepalived does not have when it reads the checker. */
export const fileCheckTrackFile: Rule = {
  meta: {
    id: 'checker/file-check-track-file',
    severity: 'error',
    description: 'FILE_CHECK `track_file` names a track_file block that is not defined above it (or has no `file`).',
    docs:
      'A FILE_CHECK follows a file declared in a top-level `track_file NAME { file PATH }` (or `vrrp_track_file NAME`) block. keepalived looks the name up while it reads the checker, so the block must come **before** the virtual_server, and must have a `file` (keepalived drops one without). Otherwise it reports the name as not found, then the FILE_CHECK as having no track file at its closing brace, and removes the checker; `keepalived -t` fails.\n\n```\ntrack_file maint {              ! must come first\n    file /etc/keepalived/maint\n}\nvirtual_server 192.0.2.10 80 {\n    real_server 192.0.2.11 80 {\n        FILE_CHECK {\n            track_file maint\n        }\n    }\n}\n```',
    keepalived: 'track_file NAME not found / FILE_CHECK has no track_file specified - ignoring',
  },
  check(ctx) {
    const defs = [...ctx.named('track_file'), ...ctx.named('vrrp_track_file')]
      .map((e) => ({ ...e, pos: readingPosition(ctx, e.pointer) }))
      .sort((a, b) => a.pos - b.pos);
    for (const c of allCheckers(ctx)) {
      if (c.type !== 'FILE_CHECK') continue;
      const tf = c.body.track_file;
      if (typeof tf !== 'string') continue;
      const at = readingPosition(ctx, `${c.pointer}/track_file`);
      const named = defs.filter((d) => d.name === tf);
      const before = named.filter((d) => d.pos < at && typeof d.body.file === 'string' && d.body.file !== '');
      if (before.length > 0) continue;
      let message: string;
      let hint: string;
      if (named.length === 0) {
        message = `track_file ${tf} is not defined; keepalived removes this FILE_CHECK`;
        const names = [...new Set(defs.map((d) => d.name))];
        hint = names.length > 0 ? `use one of: ${names.join(', ')}` : `define \`track_file ${tf} { file PATH }\` above the virtual_server`;
      } else if (named.some((d) => d.pos < at)) {
        message = `track_file ${tf} has no \`file\`, so keepalived drops it and removes this FILE_CHECK`;
        hint = `add \`file PATH\` to track_file ${tf}`;
      } else {
        message = `track_file ${tf} is defined only further down (line ${ctx.locate(named[0]!.pointer, 'keyword').line}); keepalived looks it up while reading this checker, does not find it and removes the FILE_CHECK`;
        hint = `move \`track_file ${tf}\` above the virtual_server`;
      }
      ctx.report({ pointer: `${c.pointer}/track_file`, message, hint });
    }
  },
};
