import type { Rule } from '../../rule.js';
import { statements } from './facts.js';

/** `state BACKUP` after `state MASTER` in one instance: keepalived keeps MASTER. */
export const stateBackupAfterMaster: Rule = {
  meta: {
    id: 'vrrp/state-backup-after-master',
    severity: 'error',
    description: '`state BACKUP` after `state MASTER` in the same vrrp_instance.',
    docs:
      'For most keywords the last value wins, but once an instance has `state MASTER`, keepalived reports a later `state BACKUP`, ignores it (the instance stays MASTER), and `keepalived -t` fails. Keep one `state` line.\n\n```\nvrrp_instance VI_1 {\n    state MASTER\n    state BACKUP      ! ignored: the instance stays MASTER\n}\n```',
    keepalived: '(VI_1) state previously set as MASTER - ignoring BACKUP',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      const node = ctx.ref(inst.pointer)?.node;
      if (!node || node.type !== 'block') continue;
      let master: number | undefined;
      for (const st of statements(node.body)) {
        if (st.keyword !== 'state') continue;
        if (st.args[0] === 'MASTER') master ??= st.keywordLoc.line;
        else if (master !== undefined) {
          ctx.report({
            loc: st.argLocs[0] ?? st.keywordLoc,
            message: `vrrp_instance ${inst.name} already has \`state MASTER\` (line ${master}); keepalived ignores this \`state ${st.args[0] ?? ''}\` and keeps MASTER`,
            hint: 'keep a single `state` line',
          });
        }
      }
    }
  },
};
