import type { Rule } from '../../rule.js';

const NOTIFY = new Set([
  'notify',
  'notify_master',
  'notify_backup',
  'notify_fault',
  'notify_stop',
  'notify_deleted',
  'notify_master_rx_lower_pri',
]);

/**
 * A notify script written twice in a vrrp_instance or vrrp_sync_group: keepalived keeps the first
 * and reports the second. (Checker notify scripts: ipvs/reported-duplicate; start/shutdown and
 * fifo scripts: global/reported-duplicate.)
 */
export const notifyTwice: Rule = {
  meta: {
    id: 'script/notify-twice',
    severity: 'error',
    description: 'A notify script (`notify_master`, `notify`, ...) written twice in one vrrp_instance or vrrp_sync_group.',
    docs:
      'Unlike most keywords, where the last value wins, keepalived keeps the **first** notify script of each kind in a vrrp_instance or vrrp_sync_group and reports a second one ("script already specified - ignoring"); `keepalived -t` fails. To run several commands on one event, call them from one script. (The same holds for checker and global scripts: ipvs/reported-duplicate, global/reported-duplicate.)\n\n```\nvrrp_instance VI_1 {\n    notify_master /etc/keepalived/master.sh\n    notify_master /etc/keepalived/other.sh    ! ignored: the first one stays\n}\n```',
    keepalived: '(VI_1) notify_master script already specified - ignoring X',
  },
  check(ctx) {
    for (const d of ctx.model.duplicates) {
      if (!NOTIFY.has(d.keyword) || !/^\/(vrrp_instance|vrrp_sync_group)\//.test(d.pointer)) continue;
      ctx.report({
        loc: d.again,
        message: `\`${d.keyword}\` is already set on line ${d.first.line}; keepalived keeps that first one and ignores this one`,
        hint: 'keep one; run several commands from a single script',
      });
    }
  },
};
