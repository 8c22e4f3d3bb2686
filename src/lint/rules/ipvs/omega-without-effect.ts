import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { virtualServers, vsName } from './util.js';

/** `omega` on a virtual server that has nothing to notify at shutdown. */
export const omegaWithoutEffect: Rule = {
  meta: {
    id: 'ipvs/omega-without-effect',
    severity: 'info',
    description: '`omega` on a virtual server with no quorum or real server scripts, no notify FIFO and no SMTP server.',
    docs:
      '`omega` makes keepalived run the quorum and real server "down" notifications (scripts, notify FIFO, SMTP alerts) when it shuts down. Without any `quorum_up`/`quorum_down`, real server `notify_up`/`notify_down`, `notify_fifo`/`lvs_notify_fifo` or `smtp_server`, there is nothing to send and `omega` has no effect.',
  },
  check(ctx) {
    const g = ctx.globalDefs;
    const fifo = g.notify_fifo !== undefined || g.lvs_notify_fifo !== undefined;
    const smtp = g.smtp_server !== undefined;
    if (fifo || smtp) return;
    for (const vs of virtualServers(ctx)) {
      const b = vs.body;
      if (b.omega === undefined) continue;
      const scripts =
        b.quorum_up !== undefined ||
        b.quorum_down !== undefined ||
        vs.reals.some((rs: { body: Obj }) => rs.body.notify_up !== undefined || rs.body.notify_down !== undefined);
      if (scripts) continue;
      ctx.report({
        pointer: `${vs.pointer}/omega`,
        at: 'keyword',
        message: `\`omega\` on ${vsName(b)} has no effect: there is no quorum or real server script, notify FIFO or smtp_server to notify at shutdown`,
        hint: 'remove omega, or add the notification it should trigger',
      });
    }
  },
};
