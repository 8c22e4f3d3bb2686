import type { Rule } from '../../rule.js';
import { instanceFacts } from './facts.js';

/** timer_expired_backup (2.2.8+) without nopreempt in force. */
export const expiredTimerNeedsNopreempt: Rule = {
  meta: {
    id: 'vrrp/expired-timer-needs-nopreempt',
    severity: 'error',
    description: '`timer_expired_backup` on an instance without `nopreempt`.',
    docs:
      '`timer_expired_backup` (keepalived 2.2.8+, alias `thread_timer_expired` in 2.3.2) makes a master step down to BACKUP when keepalived\'s own timer thread was held up long enough for another router to take over. It only makes sense for a non-preempting instance: without `nopreempt` in force (also when keepalived clears it for priority 255 or `state MASTER`) keepalived reports it, resets it, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    state BACKUP\n    nopreempt\n    timer_expired_backup\n}\n```',
    keepalived: '(VI_1) expired_timer_backup requires nopreempt - resetting',
  },
  check(ctx) {
    if (!ctx.atLeast('2.2.8')) return;
    for (const f of instanceFacts(ctx)) {
      for (const kw of ['timer_expired_backup', 'thread_timer_expired']) {
        const v = f.body[kw];
        if (v === undefined) continue;
        const prio = (v as { priority?: unknown }).priority;
        if (prio !== undefined && !(typeof prio === 'number' && Number.isInteger(prio) && prio >= 1 && prio <= 254)) continue;
        const nopreempt = f.nopreemptWritten && f.priority !== 255 && f.state !== 'MASTER';
        if (nopreempt) continue;
        const why = !f.nopreemptWritten ? 'has no `nopreempt`' : f.priority === 255 ? 'is the address owner (priority 255), so keepalived clears `nopreempt`' : 'starts as MASTER, so keepalived clears `nopreempt`';
        ctx.report({
          pointer: `${f.pointer}/${kw}`,
          at: 'keyword',
          message: `\`${kw}\` needs nopreempt, but vrrp_instance ${f.name} ${why}; keepalived resets it`,
          hint: 'add `nopreempt` with `state BACKUP` and a priority below 255, or remove the line',
        });
      }
    }
  },
};
