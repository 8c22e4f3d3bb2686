import type { Rule } from '../../rule.js';
import { allCheckers, portOf, serverName } from '../ipvs/util.js';

const NEEDS_PORT = new Set(['TCP_CHECK', 'HTTP_GET', 'SSL_GET', 'SMTP_CHECK', 'DNS_CHECK', 'UDP_CHECK']);

/** A connecting checker with no port to connect to. */
export const noPort: Rule = {
  meta: {
    id: 'checker/no-port',
    severity: 'warning',
    description: 'A TCP/HTTP/SSL/SMTP/DNS/UDP checker without `connect_port` on a real server written without a port.',
    docs:
      'A checker connects to `connect_port`, else to the port written on the `real_server` line. keepalived copies that port when it reads the checker; the port it later gives a port-less real server (the virtual server\'s) does not reach the checker. A real server without a port — always the case for fwmark services — therefore gets checks on port 0, which always fail.\n\n```\nvirtual_server fwmark 7 {\n    real_server 192.0.2.11 {\n        TCP_CHECK {\n            connect_port 80      ! needed: the real server has no port\n        }\n    }\n}\n```',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (!NEEDS_PORT.has(c.type) || c.body.connect_port !== undefined || portOf(c.rs.body) !== 0) continue;
      ctx.report({
        pointer: c.pointer,
        at: 'keyword',
        message: `${c.type} has no connect_port and real_server ${serverName(c.rs.body)} has no port; keepalived checks port 0, which always fails`,
        hint: 'add `connect_port PORT` to the checker, or the port to the real_server line',
      });
    }
  },
};
