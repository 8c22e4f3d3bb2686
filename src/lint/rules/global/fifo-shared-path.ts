import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';

const FIFOS = ['notify_fifo', 'vrrp_notify_fifo', 'lvs_notify_fifo'];

/** Two notify FIFOs on the same path. */
export const fifoSharedPath: Rule = {
  meta: {
    id: 'global/fifo-shared-path',
    severity: 'warning',
    description: 'Two of `notify_fifo`, `vrrp_notify_fifo` and `lvs_notify_fifo` use the same path.',
    docs:
      '`notify_fifo` receives every notification, `vrrp_notify_fifo` only VRRP ones and `lvs_notify_fifo` only checker ones. Giving two of them the same path makes two processes write (and possibly two FIFO scripts read) one pipe. keepalived only notices it on a reload, where it logs it and ignores the VRRP/LVS FIFO; `keepalived -t` does not report it.\n\n```\nglobal_defs {\n    notify_fifo /run/keepalived.fifo\n    vrrp_notify_fifo /run/keepalived.fifo     ! same pipe\n}\n```\n\nUse one `notify_fifo` for everything, or distinct paths.',
    keepalived: 'the VRRP/LVS notify FIFO is the same as the global one - ignoring (log only, on reload)',
  },
  check(ctx) {
    const g = ctx.globalDefs;
    const seen = new Map<string, string>();
    for (const kw of FIFOS) {
      const path = (g[kw] as Obj | undefined)?.fifo;
      if (typeof path !== 'string') continue;
      const other = seen.get(path);
      if (other) {
        ctx.report({
          pointer: `/global_defs/${kw}`,
          message: `\`${kw}\` uses the same path ${path} as \`${other}\``,
          hint: other === 'notify_fifo' ? `remove ${kw} (notify_fifo already gets these notifications), or use another path` : 'use distinct paths',
        });
      } else seen.set(path, kw);
    }
  },
};
