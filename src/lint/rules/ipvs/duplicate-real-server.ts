import type { Rule } from '../../rule.js';
import { serverKey, serverName, settleFamily, virtualServers, vsName } from './util.js';

/** The same real server (address and port) twice in one virtual server. */
export const duplicateRealServer: Rule = {
  meta: {
    id: 'ipvs/duplicate-real-server',
    severity: 'error',
    description: 'A virtual server lists the same real server (address and port) twice.',
    docs:
      'IPVS keeps one destination per address and port. keepalived reports the second `real_server` with the same address and port, removes it with its checkers, and `keepalived -t` fails. A second server on the same host needs another port (or another address).\n\n```\nvirtual_server 192.0.2.10 80 {\n    real_server 192.0.2.11 80 { ... }\n    real_server 192.0.2.11 80 { ... }   ! removed\n}\n```',
    keepalived: 'VS ...: real server ... is duplicated - removing second rs',
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      const first = new Map<string, number>();
      for (const rs of settleFamily(ctx, vs).kept) {
        const key = serverKey(rs.body);
        const line = first.get(key);
        if (line === undefined) {
          first.set(key, ctx.locate(rs.pointer).line);
          continue;
        }
        ctx.report({
          pointer: rs.pointer,
          message: `real_server ${serverName(rs.body)} is already in ${vsName(vs.body)} (line ${line}); keepalived removes this one`,
          hint: 'remove it, merge its checkers into the first one, or give it another port',
        });
      }
    }
  },
};
