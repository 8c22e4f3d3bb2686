import type { Rule } from '../../rule.js';
import { spanLoc } from '../../../diagnostics.js';
import { globalStatements } from './util.js';

/** global_defs keywords whose extra words keepalived reports (and then ignores the whole line, or the words). */
const STRICT: { keyword: string; since?: string; effect: string }[] = [
  { keyword: 'snmp_socket', effect: 'reports the line and ignores it' },
  { keyword: 'vrrp_rx_bufs_multiplier', effect: 'reports the line and ignores it' },
  { keyword: 'reload_time_file', effect: 'reports the line and ignores it' },
  { keyword: 'notification_email_from', since: '2.2.8', effect: 'reports the extra words and uses the first one' },
];

/** Extra words after a one-word global setting, where keepalived reports them. */
export const extraWords: Rule = {
  meta: {
    id: 'global/extra-words',
    severity: 'error',
    description: '`snmp_socket`, `vrrp_rx_bufs_multiplier`, `reload_time_file` or `notification_email_from` written with more than one word.',
    docs:
      'These global_defs settings take exactly one word. Unlike most keywords, where keepalived silently ignores extra words, it reports them here and `keepalived -t` fails: `snmp_socket`, `vrrp_rx_bufs_multiplier` and `reload_time_file` are then ignored entirely, `notification_email_from` (from keepalived 2.2.8) keeps its first word. Quote a value that contains spaces.\n\n```\nglobal_defs {\n    snmp_socket tcp:localhost:705 extra     ! ignored altogether\n}\n```',
    keepalived: 'Too many parameters specified for snmp_socket - ignoring / reload_time_file invalid / emailfrom - ignoring extra entries',
  },
  check(ctx) {
    for (const n of globalStatements(ctx)) {
      const s = STRICT.find((x) => x.keyword === n.keyword);
      if (!s || n.args.length < 2 || (s.since && !ctx.atLeast(s.since))) continue;
      ctx.report({
        loc: spanLoc(n.argLocs[1]!, n.argLocs[n.args.length - 1]!),
        message: `\`${n.keyword}\` takes one word; keepalived ${s.effect}`,
        hint: 'remove the extra words, or quote the value',
      });
    }
  },
};
