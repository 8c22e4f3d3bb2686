import type { Rule } from '../../rule.js';
import { scriptSecurity, scriptUses, type Side } from './scripts.js';

const SIDE: Record<Side, string> = { vrrp: 'VRRP', checker: 'checker', startstop: 'start/shutdown' };

/** Scripts configured without enable_script_security: keepalived -t exits 6. */
export const securityNotEnabled: Rule = {
  meta: {
    id: 'script/security-not-enabled',
    severity: 'error',
    description: 'Scripts are configured but `global_defs` has no `enable_script_security`.',
    docs:
      'keepalived runs vrrp_scripts, notify scripts, MISC_CHECK programs and start/shutdown scripts, by default as root. Unless `enable_script_security` is set in `global_defs`, it reports a security violation for each process that runs scripts (VRRP when there is a vrrp_instance, the checker when there is a virtual_server, and the start/shutdown scripts) and `keepalived -t` exits with status 6. With `enable_script_security` keepalived refuses scripts whose path a non-root user could change, and runs scripts as `script_user` (or the `keepalived_script` user).\n\n' +
      '```\nglobal_defs {\n    enable_script_security\n    script_user keepalived_script\n}\n```\n\n' +
      'keepalived only counts scripts it finds on the host; kaconf assumes they exist where keepalived runs.',
    keepalived: 'SECURITY VIOLATION - scripts are being executed but script_security not enabled.',
  },
  check(ctx) {
    if (scriptSecurity(ctx)) return;
    const uses = scriptUses(ctx);
    for (const side of ['vrrp', 'checker', 'startstop'] as Side[]) {
      const mine = uses.filter((u) => u.side === side);
      if (mine.length === 0) continue;
      // one finding per process, at the first script keepalived checks (the checker also counts notify_fifo_script)
      const first = mine[0]!;
      const others = mine.length - 1;
      ctx.report({
        pointer: first.pointer,
        message: `${first.what} runs a script${others > 0 ? ` (and ${others} more ${SIDE[side]} script${others > 1 ? 's' : ''})` : ''} but global_defs has no enable_script_security; keepalived reports a security violation and \`keepalived -t\` exits 6`,
        hint: 'add `enable_script_security` (and a non-root `script_user`) to global_defs',
      });
    }
  },
};
