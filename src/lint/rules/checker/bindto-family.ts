import type { Rule } from '../../rule.js';
import { allCheckers, CONNECTING, familyName, familyOf, statements, type Family } from '../ipvs/util.js';

/** connect_ip and bindto of different address families. */
export const bindtoFamily: Rule = {
  meta: {
    id: 'checker/bindto-family',
    severity: 'error',
    description: 'A checker\'s `bindto` address and its destination (`connect_ip`, else the real server) are of different address families.',
    docs:
      'A check connection goes from `bindto` to `connect_ip` (by default the real server\'s address), so both must be IPv4 or both IPv6. keepalived compares them as it reads the keywords: the later of the two is reported and ignored; `keepalived -t` fails.\n\n```\nreal_server 192.0.2.11 80 {\n    TCP_CHECK {\n        bindto 2001:db8::1      ! IPv6 source for an IPv4 destination\n    }\n}\n```',
    keepalived: 'bindto address X does not match address family of connect_ip - skipping (or connect_ip ... of bindto)',
  },
  check(ctx) {
    for (const c of allCheckers(ctx)) {
      if (!CONNECTING.has(c.type)) continue;
      // keepalived starts with the real server as destination and checks each keyword as it comes
      // (SMTP_CHECK starts without a destination and takes the real server's only at its end)
      let dst: { f: Family | undefined; what: string } =
        c.type === 'SMTP_CHECK' ? { f: undefined, what: '' } : { f: familyOf(c.rs.body.address), what: `the real server address ${String(c.rs.body.address)}` };
      let src: { f: Family | undefined; what: string } = { f: undefined, what: '' };
      for (const n of statements(ctx, c.pointer)) {
        if (n.keyword !== 'connect_ip' && n.keyword !== 'bindto') continue;
        const word = n.args[0] ?? '';
        const f = familyOf(word);
        if (!f || /[-/]/.test(word)) continue;
        const isDst = n.keyword === 'connect_ip';
        const other = isDst ? src : dst;
        if (other.f !== undefined && other.f !== f) {
          ctx.report({
            loc: n.argLocs[0] ?? n.keywordLoc,
            message: `${n.keyword} ${word} is ${familyName(f)} but ${other.what} is ${familyName(other.f)}; keepalived reports and ignores it`,
            hint: 'use source and destination addresses of the same family',
          });
          if (isDst) dst = { f: undefined, what: '' };
          else src = { f: undefined, what: '' };
          continue;
        }
        if (isDst) dst = { f, what: `connect_ip ${word}` };
        else src = { f, what: `bindto ${word}` };
      }
    }
  },
};
