import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

/** vrrp_iptables / vrrp_ipsets, which the nftables-only builds do not have. */
export const iptablesUnsupported: Rule = {
  meta: {
    id: 'global/iptables-unsupported',
    severity: 'error',
    description: '`vrrp_iptables` or `vrrp_ipsets` in global_defs: keepalived builds with nftables and without iptables reject them.',
    docs:
      'Whether keepalived understands `vrrp_iptables` and `vrrp_ipsets` depends on how it was built. Builds with nftables and without iptables/libipset support — such as the Debian/Ubuntu packages of 2.2.7 and 2.3.2 that kaconf checks against — report `vrrp_iptables` ("iptables not supported, using nftables instead") and switch to nftables with table `keepalived`, and do not know `vrrp_ipsets` at all ("Unknown keyword"); `keepalived -t` fails in both cases. Builds with iptables support accept them.\n\n```\nglobal_defs {\n    vrrp_iptables        ! use: nftables\n}\n```\n\nUse `nftables [TABLE]` instead, unless you know your keepalived was built with iptables (`keepalived -v` shows IPTABLES/LIBIPSET).',
    keepalived: "iptables not supported, using nftables instead. Please replace 'vrrp_iptables' and 'vrrp_ipsets' with 'nftables' / Unknown keyword 'vrrp_ipsets'",
  },
  check(ctx) {
    for (const n of globalStatements(ctx)) {
      if (n.keyword === 'vrrp_iptables') {
        ctx.report({
          loc: n.keywordLoc,
          message: '`vrrp_iptables`: keepalived builds without iptables support (such as the Debian/Ubuntu packages) report it and use nftables (table keepalived) instead',
          hint: 'replace it with `nftables` (unless your keepalived was built with iptables: see `keepalived -v`)',
        });
      } else if (n.keyword === 'vrrp_ipsets') {
        ctx.report({
          loc: n.keywordLoc,
          message: '`vrrp_ipsets`: keepalived builds without iptables/libipset (such as the Debian/Ubuntu packages) do not know this keyword',
          hint: 'remove it and use `nftables`; nftables needs no ipsets',
        });
      }
    }
  },
};
