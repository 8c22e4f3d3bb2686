import type { Rule } from '../../rule.js';
import { scriptSecurity, scriptUses } from './scripts.js';

/** enable_script_security without script_user: scripts without their own user need a keepalived_script account. */
export const defaultUser: Rule = {
  meta: {
    id: 'script/default-user',
    severity: 'warning',
    description: 'With `enable_script_security` and no `script_user`, scripts without their own user need a `keepalived_script` account.',
    docs:
      'A script runs as the user written with it (`user` in a vrrp_script or MISC_CHECK, the word after a notify command), else as global `script_user`, else as the user `keepalived_script` if the host has one, else as root. With `enable_script_security` the root fallback is refused: on a host without a `keepalived_script` account keepalived reports that it cannot set the default user, removes such vrrp_scripts, drops such notify scripts, and `keepalived -t` fails. kaconf cannot see the accounts of the host keepalived runs on, hence a warning.\n\n' +
      '```\nglobal_defs {\n    enable_script_security\n    script_user keepalived_script     ! or any existing non-root user\n}\n```',
    keepalived: 'Unable to set default user keepalived_script for script / Unable to set default user for vrrp script chk - removing',
  },
  check(ctx) {
    if (!scriptSecurity(ctx) || ctx.globalDefs.script_user !== undefined) return;
    const first = scriptUses(ctx).find((u) => u.user === undefined && u.side !== 'startstop');
    const startstop = scriptUses(ctx).find((u) => u.user === undefined && u.side === 'startstop');
    const use = first ?? startstop;
    if (!use) return;
    ctx.report({
      pointer: use.pointer,
      message: `${use.what} has no user and global_defs has no script_user, so with enable_script_security keepalived needs a \`keepalived_script\` user on the host; without one it drops the scripts that have no user of their own`,
      hint: 'set `script_user USER` in global_defs (or give each script its user), or make sure the `keepalived_script` account exists',
    });
  },
};
