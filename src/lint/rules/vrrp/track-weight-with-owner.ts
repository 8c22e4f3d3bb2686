import type { Rule } from '../../rule.js';
import { KIND_WORD, weightedInstanceTracks } from './tracking.js';

/** Weighted tracking on an address owner (priority 255). */
export const trackWeightWithOwner: Rule = {
  meta: {
    id: 'vrrp/track-weight-with-owner',
    severity: 'error',
    description: 'A weighted track_interface/track_script/track_file/track_bfd on an instance with priority 255.',
    docs:
      'The address owner (priority 255, also what `state MASTER` without `priority` gives) keeps priority 255 whatever happens: weights cannot apply to it. keepalived reports each weighted entry and `keepalived -t` fails: weighted interfaces, scripts and BFD instances are no longer tracked, a track file with its default weight (1) gets weight 0 with a request to write `weight 0`, one with another weight is dropped. (Members of a sync group without `sync_group_tracking_weight` are reported by vrrp/track-weight-in-sync-group instead.)\n\n' +
      '```\nvrrp_instance VI_1 {\n    priority 254          ! below 255 so that weights can apply\n    track_script {\n        chk weight -20\n    }\n}\n```',
    keepalived: '(VI_1) ignoring tracked script chk with weights due to address_owner',
  },
  check(ctx) {
    for (const { t, f, groupAllowsWeight, defaultFileWeight } of weightedInstanceTracks(ctx)) {
      // a sync group member whose group refuses weights: vrrp/track-weight-in-sync-group reports it
      if (f.priority !== 255 || !groupAllowsWeight) continue;
      ctx.report({
        pointer: t.pointer,
        message: `${f.name} has priority 255 (address owner${f.priorityWritten ? '' : ', from `state MASTER` without `priority`'}), so keepalived ignores the weight ${t.weight} of tracked ${KIND_WORD[t.kind]} ${t.name}${defaultFileWeight ? ' (the track file\'s default weight is 1) and uses weight 0' : ' and stops tracking it'}`,
        hint: defaultFileWeight ? 'write `weight 0` on the entry, or lower the priority below 255' : 'remove the weight, or lower the priority below 255',
      });
    }
  },
};
