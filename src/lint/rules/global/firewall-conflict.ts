import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

/** nftables after vrrp_iptables. */
export const firewallConflict: Rule = {
  meta: {
    id: 'global/firewall-conflict',
    severity: 'error',
    description: 'Both `vrrp_iptables` and `nftables` in global_defs.',
    docs:
      'keepalived uses one firewall for `no_accept` and VMAC filtering. In builds without iptables support (the Debian/Ubuntu packages), `vrrp_iptables` already selects nftables with table `keepalived`, so a later `nftables` line is reported as given twice and its table name is ignored; `keepalived -t` fails. Builds with iptables only log that iptables is ignored in favour of nftables. Either way, only one of the two takes effect.\n\n```\nglobal_defs {\n    vrrp_iptables\n    nftables my_table     ! reported, my_table ignored\n}\n```\n\nKeep only `nftables`.',
    keepalived: 'nftables already specified - ignoring',
  },
  check(ctx) {
    let iptables: number | undefined;
    for (const n of globalStatements(ctx)) {
      if (n.keyword === 'vrrp_iptables') iptables ??= n.keywordLoc.line;
      else if (n.keyword === 'nftables' && iptables !== undefined) {
        ctx.report({
          loc: n.keywordLoc,
          message: `\`nftables\` after \`vrrp_iptables\` (line ${iptables}): builds without iptables have already chosen nftables there and report this line; builds with iptables ignore vrrp_iptables`,
          hint: 'remove vrrp_iptables and keep nftables',
        });
      }
    }
  },
};
