import type { Obj, RuleContext } from '../../context.js';
import type { Rule } from '../../rule.js';
import { globalStatements } from './util.js';

/** Whether an instance runs VRRP version 3 (its own `version`, else the global `vrrp_version`). */
function version3(ctx: RuleContext, b: Obj): boolean {
  const v = b.version ?? ctx.globalDefs.vrrp_version;
  return v === 3;
}

/** Instances that need firewall rules while no firewall is configured. */
export const firewallAuto: Rule = {
  meta: {
    id: 'global/firewall-auto',
    severity: 'info',
    description: 'An instance needs firewall rules (no_accept, strict mode or use_vmac) but global_defs configures no firewall: keepalived creates nftables table `keepalived`.',
    docs:
      'Without accept mode (`no_accept`, or strict mode without `accept`) keepalived drops traffic to the virtual addresses with firewall rules, and it filters VMAC traffic too. When global_defs has neither `nftables` nor `vrrp_iptables`, keepalived logs that no firewall is configured and creates the nftables table `keepalived` on its own. Say so explicitly with `nftables` (and a table name if you manage nftables yourself).\n\n```\nglobal_defs {\n    nftables keepalived\n}\n```',
    keepalived: 'use_vmac or no_accept/strict specified, but no firewall configured - using nftables (log only)',
  },
  check(ctx) {
    const stmts = globalStatements(ctx);
    if (stmts.some((n) => n.keyword === 'nftables' || n.keyword === 'vrrp_iptables')) return;
    for (const inst of ctx.instances()) {
      const b = inst.body;
      let why: string | undefined;
      let pointer = inst.pointer;
      if (b.use_vmac !== undefined) {
        why = 'use_vmac';
        pointer = `${inst.pointer}/use_vmac`;
      } else if (b.no_accept !== undefined) {
        why = 'no_accept';
        pointer = `${inst.pointer}/no_accept`;
      } else if (ctx.strict(b) && b.priority !== 255 && !(b.accept !== undefined && version3(ctx, b))) {
        // strict mode drops accept mode for VRRP version 2 (reported by keepalived)
        why = b.accept !== undefined ? 'strict mode (which drops accept for VRRP version 2)' : 'strict mode without accept';
        pointer = ctx.strictSource(inst.pointer, b);
      }
      if (!why) continue;
      ctx.report({
        pointer,
        at: 'keyword',
        message: `(${inst.name}) ${why} needs firewall rules and global_defs sets no firewall: keepalived creates the nftables table keepalived itself`,
        hint: 'add `nftables` (optionally with a table name) to global_defs',
      });
      return;
    }
  },
};
