import type { Rule } from '../../rule.js';
import { blockNode, statements } from './facts.js';

/** vrrp_track_process quorum / quorum_max that contradict each other (checked in reading order). */
export const trackProcessQuorum: Rule = {
  meta: {
    id: 'vrrp/track-process-quorum',
    severity: 'error',
    description: 'A vrrp_track_process whose `quorum` is above its `quorum_max` (or `quorum_max` below `quorum`).',
    docs:
      '`quorum` is the number of matching processes needed for the tracked process to be up, `quorum_max` the most allowed. keepalived checks the pair as it reads them: a `quorum` above an earlier `quorum_max`, or a `quorum_max` below an earlier `quorum`, is reported and ignored, and `keepalived -t` fails. (`quorum_max 0` is allowed when no quorum above 1 was given; it means "up when no such process runs".)\n\n' +
      '```\nvrrp_track_process tp {\n    process haproxy\n    quorum 2\n    quorum_max 4\n}\n```',
    keepalived: 'Quorum is greater than quorum_max - ignoring / quorum_max is less than quorum - ignoring',
  },
  check(ctx) {
    for (const tp of ctx.named('vrrp_track_process')) {
      let quorum = 1;
      let quorumMax = Number.POSITIVE_INFINITY;
      let qLine = 0;
      let mLine = 0;
      for (const st of statements(blockNode(ctx, tp.pointer)?.body)) {
        const n = /^\+?\d+$/.test(st.args[0] ?? '') ? Number(st.args[0]) : undefined;
        if (st.keyword === 'quorum' && n !== undefined && n >= 1 && n <= 65535) {
          if (n > quorumMax) {
            ctx.report({
              loc: st.argLocs[0] ?? st.keywordLoc,
              message: `quorum ${n} of vrrp_track_process ${tp.name} is above quorum_max ${quorumMax} (line ${mLine}); keepalived ignores it`,
              hint: 'make quorum at most quorum_max',
            });
            continue;
          }
          quorum = n;
          qLine = st.keywordLoc.line;
        } else if (st.keyword === 'quorum_max' && n !== undefined && n <= 65535) {
          if ((n !== 0 || quorum > 1) && n < quorum) {
            ctx.report({
              loc: st.argLocs[0] ?? st.keywordLoc,
              message: `quorum_max ${n} of vrrp_track_process ${tp.name} is below quorum ${quorum}${qLine ? ` (line ${qLine})` : ' (the default)'}; keepalived ignores it`,
              hint: 'make quorum_max at least quorum',
            });
            continue;
          }
          quorumMax = n;
          mLine = st.keywordLoc.line;
          if (n === 0) quorum = 0;
          else if (quorum === 0) quorum = 1;
        }
      }
    }
  },
};
