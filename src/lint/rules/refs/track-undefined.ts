/** The four "track list names something that is not there" rules share one check. */
import type { Rule } from '../../rule.js';
import type { RuleContext } from '../../context.js';
import { trackItems, type TrackKind } from '../vrrp/tracking.js';

const BLOCK: Record<Exclude<TrackKind, 'track_interface'>, string> = {
  track_script: 'vrrp_script',
  track_file: 'track_file',
  track_process: 'vrrp_track_process',
  track_bfd: 'bfd_instance',
};

export function checkUndefined(ctx: RuleContext, kind: Exclude<TrackKind, 'track_interface'>): void {
  const block = BLOCK[kind];
  for (const t of trackItems(ctx)) {
    if (t.kind !== kind || !t.missing) continue;
    const where = `${t.ownerKind} ${t.ownerName}`;
    if (t.missing === 'undefined') {
      ctx.report({
        pointer: t.pointer,
        message: `${kind} in ${where} names ${t.name}, but no ${block} ${t.name} is defined; keepalived ignores the entry`,
        hint: `define \`${block} ${t.name} { ... }\` above it, or fix the name`,
      });
    } else if (t.missing === 'later') {
      const line = ctx.locate(t.def!.pointer).line;
      ctx.report({
        pointer: t.pointer,
        message: `${kind} in ${where} names ${t.name}, which is defined only further down (${t.def!.keyword} on line ${line}); keepalived resolves the name while reading, does not find it and ignores the entry`,
        hint: `move \`${t.def!.keyword} ${t.name}\` above the ${t.ownerKind}`,
      });
    } else {
      ctx.report({
        pointer: t.pointer,
        message: `${kind} in ${where} names ${t.name}, but keepalived drops ${t.def!.keyword} ${t.name} because ${t.def!.dropped}; the entry is ignored`,
        hint: `complete \`${t.def!.keyword} ${t.name}\``,
      });
    }
  }
}

export function undefinedRule(kind: Exclude<TrackKind, 'track_interface'>, id: string, example: string): Rule {
  const block = BLOCK[kind];
  return {
    meta: {
      id,
      severity: 'error',
      description: `A \`${kind}\` entry that names no ${block} defined above it.`,
      docs:
        `\`${kind}\` entries in a vrrp_instance or vrrp_sync_group name a \`${block}\` block${kind === 'track_file' ? ' (`track_file` or its older spelling `vrrp_track_file`)' : ''}. keepalived looks the name up while it reads the entry, so the block must be defined **above** the instance or sync group that uses it; a block that keepalived drops (for missing its essential keyword) does not count either. An entry that is not found is reported and ignored, and \`keepalived -t\` fails.\n\n` +
        '```\n' + example + '\n```',
      keepalived: `(VI_1) track ${kind === 'track_bfd' ? 'bfd' : kind.replace('track_', '')} NAME not found, ignoring...`,
    },
    check(ctx) {
      checkUndefined(ctx, kind);
    },
  };
}
