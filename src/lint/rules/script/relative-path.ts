import type { Rule } from '../../rule.js';
import { scriptUses } from './scripts.js';

/** A script whose program is not an absolute path. */
export const relativePath: Rule = {
  meta: {
    id: 'script/relative-path',
    severity: 'warning',
    description: 'A script, notify command or MISC_CHECK whose program is not an absolute path.',
    docs:
      'keepalived looks a bare program name (`pidof`) up in its own `PATH`, and resolves a relative path with a slash (`scripts/check.sh`) from its working directory, which is `/` for the daemon but whatever directory `keepalived -t` was started in. Either way the program that runs depends on the environment; a script that is not found is disabled (a vrrp_script is reported and `keepalived -t` fails). Write the absolute path.\n\n' +
      '```\nvrrp_script chk_haproxy {\n    script "/usr/bin/pidof haproxy"     ! not "pidof haproxy"\n}\n```',
  },
  check(ctx) {
    for (const u of scriptUses(ctx)) {
      if (u.program === '' || u.program.startsWith('/')) continue;
      const bare = !u.program.includes('/');
      ctx.report({
        pointer: u.pointer,
        message: bare
          ? `${u.what} runs \`${u.program}\` without a path; keepalived searches its own PATH for it`
          : `${u.what} runs \`${u.program}\`, a relative path; keepalived resolves it from its working directory (/ for the daemon)`,
        hint: 'write the absolute path of the program',
      });
    }
  },
};
