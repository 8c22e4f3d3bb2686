import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

const MTU = 1;
const ADVERT = 2;
const SIZE = 4;

/** vrrp_rx_bufs_policy combinations keepalived rejects (over all its lines: the settings add up). */
export const rxBufsPolicy: Rule = {
  meta: {
    id: 'global/rx-bufs-policy',
    severity: 'error',
    description: '`vrrp_rx_bufs_policy` combining MTU and ADVERT, or a size with a policy.',
    docs:
      '`vrrp_rx_bufs_policy` sizes the VRRP receive buffers either by a policy — `MTU` (interface MTU) or `ADVERT` (advert size) — or by an explicit number of bytes. keepalived reads every word, and every `vrrp_rx_bufs_policy` line adds to the earlier ones. A size together with a policy is reported and the policy dropped; `MTU` together with `ADVERT` is reported and `ADVERT` dropped; `keepalived -t` fails. keepalived also takes a size only from the first word after the keyword: a number in another position is reported as invalid.\n\n```\nglobal_defs {\n    vrrp_rx_bufs_policy MTU      ! one of MTU, ADVERT or a size\n}\n```',
    keepalived: 'Cannot set both vrrp_rx_bufs_policy MTU and ADVERT, ignoring ADVERT / Cannot set vrrp_rx_bufs_policy size and policy, ignoring policy',
  },
  check(ctx) {
    let bits = 0;
    for (const n of globalStatements(ctx)) {
      if (n.keyword !== 'vrrp_rx_bufs_policy') continue;
      const first = n.args[0] ?? '';
      n.args.forEach((w, i) => {
        const u = w.toUpperCase();
        if (u === 'MTU') bits |= MTU;
        else if (u === 'ADVERT') bits |= ADVERT;
        else if (/^\d+$/.test(first)) bits |= SIZE;
        else if (/^\d+$/.test(w) && i > 0) {
          ctx.report({
            loc: n.argLocs[i]!,
            message: `keepalived reads the buffer size only from the first word of vrrp_rx_bufs_policy, so it rejects '${w}' here`,
            hint: 'write the size alone: `vrrp_rx_bufs_policy BYTES`',
          });
        }
      });
      if (bits & SIZE && bits & (MTU | ADVERT)) {
        ctx.report({
          loc: n.keywordLoc,
          message: 'vrrp_rx_bufs_policy sets both a buffer size and a policy (MTU/ADVERT); keepalived reports it and drops the policy',
          hint: 'use either a size or one policy',
        });
        bits &= ~(MTU | ADVERT);
      } else if (bits & MTU && bits & ADVERT) {
        ctx.report({
          loc: n.keywordLoc,
          message: 'vrrp_rx_bufs_policy sets both MTU and ADVERT; keepalived reports it and drops ADVERT',
          hint: 'choose MTU or ADVERT',
        });
        bits &= ~ADVERT;
      }
    }
  },
};
