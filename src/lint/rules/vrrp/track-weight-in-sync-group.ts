import type { Rule } from '../../rule.js';
import { KIND_WORD, weightedInstanceTracks } from './tracking.js';

/** Weighted tracking on a member of a sync group without sync_group_tracking_weight. */
export const trackWeightInSyncGroup: Rule = {
  meta: {
    id: 'vrrp/track-weight-in-sync-group',
    severity: 'error',
    description: 'A weighted track_interface/track_script/track_file/track_bfd on an instance in a sync group without `sync_group_tracking_weight`.',
    docs:
      'In a sync group the members change state together, so keepalived does not let a tracked object move one member\'s priority unless the group has `sync_group_tracking_weight`. For each weighted entry on a member it reports the entry and `keepalived -t` fails: a weighted interface gets weight 0 (fault on failure), a weighted script or BFD instance is dropped, a track file with its default weight (1) gets weight 0 with a request to write `weight 0`, a track file with another weight is dropped. (`track_process` weights are not checked.)\n\n' +
      '```\nvrrp_sync_group SG_1 {\n    group { VI_1 VI_2 }\n    sync_group_tracking_weight     ! or: weight 0 / no weight on the members\' track entries\n}\n```',
    keepalived: '(VI_1) ignoring tracked script chk with weights due to SYNC group / ignoring weight from tracked file F due to SYNC group. specify weight 0',
  },
  check(ctx) {
    for (const { t, f, groupAllowsWeight, defaultFileWeight } of weightedInstanceTracks(ctx)) {
      if (groupAllowsWeight) continue;
      const outcome =
        t.kind === 'track_interface' ? 'uses weight 0 instead' : defaultFileWeight ? 'uses weight 0 instead (the track file\'s default weight is 1)' : 'drops the entry';
      ctx.report({
        pointer: t.pointer,
        message: `${f.name} is in sync group ${f.syncGroup}, which has no sync_group_tracking_weight, so keepalived ignores the weight ${t.weight} of tracked ${KIND_WORD[t.kind]} ${t.name} and ${outcome}`,
        hint: defaultFileWeight ? 'write `weight 0` on the entry, or add `sync_group_tracking_weight` to the sync group' : 'remove the weight (or write `weight 0`), or add `sync_group_tracking_weight` to the sync group',
      });
    }
  },
};
