import type { Rule } from '../../rule.js';
import { statements, virtualServers } from './util.js';

/** snmp_name written with more than one word. */
export const snmpNameWords: Rule = {
  meta: {
    id: 'ipvs/snmp-name-words',
    severity: 'error',
    description: '`snmp_name` of a virtual or real server written with more than one word.',
    docs:
      '`snmp_name` takes exactly one word (quote a name with spaces). keepalived reports a line with more words and ignores it — it does not take the first word — so the server keeps no SNMP name; `keepalived -t` fails.\n\n```\nvirtual_server 192.0.2.10 80 {\n    snmp_name web farm        ! write "web farm" or web_farm\n}\n```',
    keepalived: 'virtual server snmp_name missing or extra parameters',
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      for (const p of [vs.pointer, ...vs.reals.map((r) => r.pointer)]) {
        for (const n of statements(ctx, p)) {
          if (n.keyword !== 'snmp_name' || n.args.length < 2) continue;
          ctx.report({
            loc: n.argLocs[1]!,
            message: `snmp_name takes one word; with ${n.args.length} keepalived reports the line and sets no name`,
            hint: `quote it: snmp_name "${n.args.join(' ')}"`,
          });
        }
      }
    }
  },
};
