import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

/** The GARP settings vrrp_min_garp changes, with the built-in default each must still have for it to be changed, and its new value. */
const AFFECTED: Record<string, { def: string; min: string }> = {
  vrrp_garp_master_delay: { def: '5', min: '0' },
  vrrp_garp_master_repeat: { def: '5', min: '1' },
  vrrp_garp_master_refresh: { def: '0', min: '0' },
  vrrp_garp_master_refresh_repeat: { def: '1', min: '0' },
};

const TRUE_WORDS = new Set(['on', 'true', 'yes']);

/** A GARP setting written before vrrp_min_garp with the default value, which vrrp_min_garp then changes. */
export const vrrpMinGarpOrder: Rule = {
  meta: {
    id: 'global/vrrp-min-garp-order',
    severity: 'warning',
    description: 'A `vrrp_garp_master_*` setting written before `vrrp_min_garp` with its default value, which vrrp_min_garp silently changes.',
    docs:
      '`vrrp_min_garp` reduces the gratuitous ARPs to one: it sets `vrrp_garp_master_delay` 0, `vrrp_garp_master_repeat` 1, `vrrp_garp_master_refresh` 0 and `vrrp_garp_master_refresh_repeat` 0 — but only for settings whose current value is still the built-in default (5, 5, 0, 1). A setting written *before* `vrrp_min_garp` with exactly the default value is therefore overwritten, which is surprising; one written after it always wins.\n\n```\nglobal_defs {\n    vrrp_garp_master_repeat 5     ! becomes 1\n    vrrp_min_garp\n}\n```\n\nWrite the explicit settings after `vrrp_min_garp`.',
  },
  check(ctx) {
    const stmts = globalStatements(ctx);
    const min = stmts.findIndex((n) => n.keyword === 'vrrp_min_garp' && (n.args.length === 0 || TRUE_WORDS.has(n.args[0]!)));
    if (min < 0) return;
    // the value each setting has when vrrp_min_garp is read: the last line before it
    const last = new Map<string, (typeof stmts)[number]>();
    for (const n of stmts.slice(0, min)) if (AFFECTED[n.keyword] && n.args.length > 0) last.set(n.keyword, n);
    for (const [kw, n] of last) {
      const a = AFFECTED[kw]!;
      if (n.args[0] !== a.def || stmts.slice(min).some((m) => m.keyword === kw)) continue;
      ctx.report({
        loc: n.loc,
        message: `\`${kw} ${a.def}\` is the default value, so \`vrrp_min_garp\` (line ${stmts[min]!.keywordLoc.line}) changes it to ${a.min}`,
        hint: `move this line after vrrp_min_garp to keep ${a.def}, or remove it`,
      });
    }
  },
};
