import type { StatementNode } from '../../../syntax/ast.js';
import type { Rule } from '../../rule.js';
import { globalStatements, topStatements } from './util.js';

/** global_defs keywords keepalived reports when given again (it keeps the first). */
const GLOBAL_ONCE = new Set([
  'startup_script',
  'shutdown_script',
  'notify_fifo',
  'notify_fifo_script',
  'vrrp_notify_fifo',
  'vrrp_notify_fifo_script',
  'lvs_notify_fifo',
  'lvs_notify_fifo_script',
  'lvs_sync_daemon',
  'nftables',
  'nftables_ipvs',
  'snmp_socket',
  'vmac_prefix',
  'vmac_addr_prefix',
  'tmp_config_directory',
]);
const TOP_ONCE = new Set(['instance', 'net_namespace', 'net_namespace_ipvs']);

/** A global keyword given twice where keepalived reports the second one and keeps the first. */
export const reportedDuplicate: Rule = {
  meta: {
    id: 'global/reported-duplicate',
    severity: 'error',
    description: 'A global_defs or top-level keyword given twice where keepalived reports the second one and keeps the first.',
    docs:
      'Most global settings simply take the last value written. These are set once: keepalived reports a second occurrence, **keeps the first** and ignores the later one, and `keepalived -t` fails. This holds across several `global_defs` blocks too, since keepalived reads them as one.\n\n- in global_defs: `startup_script`, `shutdown_script`, `notify_fifo`, `notify_fifo_script`, `vrrp_notify_fifo`, `vrrp_notify_fifo_script`, `lvs_notify_fifo`, `lvs_notify_fifo_script`, `lvs_sync_daemon`, `nftables`, `nftables_ipvs`, `snmp_socket`, `vmac_prefix`, `vmac_addr_prefix`, `tmp_config_directory`;\n- at the top level: `instance`, `net_namespace`, `net_namespace_ipvs`.\n\n```\nglobal_defs {\n    notify_fifo /run/keepalived.fifo\n    notify_fifo /run/other.fifo       ! reported, ignored\n}\n```',
    keepalived: 'X already specified - ignoring / Duplicate instance definition X - ignoring',
  },
  check(ctx) {
    const check = (nodes: StatementNode[], names: Set<string>, where: string): void => {
      const first = new Map<string, number>();
      for (const n of nodes) {
        if (!names.has(n.keyword)) continue;
        const line = first.get(n.keyword);
        if (line === undefined) {
          first.set(n.keyword, n.keywordLoc.line);
          continue;
        }
        ctx.report({
          loc: n.keywordLoc,
          message: `\`${n.keyword}\` is given again${where} (first on line ${line}); keepalived reports it, keeps the first one and ignores this one`,
          hint: 'keep only one of them',
        });
      }
    };
    check(globalStatements(ctx), GLOBAL_ONCE, ' in global_defs');
    check(topStatements(ctx), TOP_ONCE, '');
  },
};
