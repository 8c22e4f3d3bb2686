import { lstatSync, type Stats } from 'node:fs';
import type { Rule } from '../../rule.js';
import { scriptUses } from './scripts.js';

/** Why keepalived would call this path insecure (for a script run as root), checked on the linting host. */
export function pathProblem(path: string, symlinksRefused: boolean): string | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  const prefixes = ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
  for (let i = 0; i < prefixes.length; i++) {
    const cur = prefixes[i]!;
    let st: Stats;
    try {
      st = lstatSync(cur);
    } catch {
      return undefined; // not on this host: nothing to say
    }
    const last = i === prefixes.length - 1;
    if (!last && st.isSymbolicLink()) {
      if (symlinksRefused) return `${cur} is a symbolic link (keepalived 2.3 refuses script paths through a symlinked directory)`;
      return undefined; // older releases resolve the link first; the target is what keepalived checks
    }
    if (!last && !st.isDirectory()) return undefined;
    if (st.uid !== 0) return `${cur} is owned by uid ${st.uid}, not root`;
    const dirNoSticky = st.isDirectory() && (st.mode & 0o1000) === 0;
    if (dirNoSticky || st.isFile()) {
      if (st.gid !== 0 && st.mode & 0o020) return `${cur} is writable by group ${st.gid}`;
      if (st.mode & 0o002) return `${cur} is writable by everyone`;
    }
  }
  return undefined;
}

/** A script path that keepalived would find insecure, as far as the linting host shows. */
export const insecurePath: Rule = {
  meta: {
    id: 'script/insecure-path',
    severity: 'info',
    description: 'A script whose path a non-root user could change (checked on the host kaconf runs on).',
    docs:
      'For a script run as root keepalived checks every component of its path: each directory and the file must be owned by root and not writable by a non-root group or by everyone (directories with the sticky bit excepted). keepalived 2.3 also refuses a path that goes through a symbolically linked directory, such as `/bin/...` on systems where `/bin` links to `/usr/bin`. With `enable_script_security` an insecure script is disabled (a vrrp_script is reported and `keepalived -t` fails); without it the script runs and counts as insecure.\n\n' +
      'kaconf can only look at the file system of the machine it runs on, which may not be the one keepalived runs on; it reports only paths that exist here, as information.\n\n' +
      '```\nvrrp_script chk {\n    script "/usr/bin/pidof haproxy"     ! not /bin/pidof where /bin is a symlink\n}\n```',
    keepalived: 'Unsafe permissions found for script ... / Disabling track script chk due to insecure',
  },
  check(ctx) {
    const scriptUser = (ctx.globalDefs.script_user as { username?: unknown } | undefined)?.username;
    for (const u of scriptUses(ctx)) {
      if (!u.program.startsWith('/')) continue;
      const user = u.user ?? (typeof scriptUser === 'string' ? scriptUser : undefined);
      if (user !== undefined && user !== 'root' && user !== '0') continue; // keepalived checks the path only for scripts run as root
      const problem = pathProblem(u.program, ctx.atLeast('2.3.0'));
      if (!problem) continue;
      ctx.report({
        pointer: u.pointer,
        message: `${u.what} runs ${u.program} as root, but ${problem} on this machine; keepalived treats such a script as insecure${ctx.globalDefs.enable_script_security !== undefined ? ' and disables it' : ''}`,
        hint: problem.includes('symbolic link') ? 'use the real path (e.g. /usr/bin/... instead of /bin/...)' : 'make the path root-owned and not writable by others, or run the script as a non-root user',
      });
    }
  },
};
