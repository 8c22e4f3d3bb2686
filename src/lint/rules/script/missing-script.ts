import type { Rule } from '../../rule.js';

/** A vrrp_script without `script`. */
export const missingScript: Rule = {
  meta: {
    id: 'script/missing-script',
    severity: 'error',
    description: 'A vrrp_script block without `script`.',
    docs:
      'A vrrp_script needs the command to run. Without `script` keepalived reports the block when it reaches its closing brace, removes it (every `track_script` naming it is then "not found"), and `keepalived -t` fails.\n\n' +
      '```\nvrrp_script chk_haproxy {\n    script "/usr/bin/pidof haproxy"\n    interval 2\n}\n```',
    keepalived: 'No script set for vrrp_script chk - removing',
  },
  check(ctx) {
    for (const s of ctx.named('vrrp_script')) {
      if (typeof s.body.script === 'string' && s.body.script !== '') continue;
      ctx.report({
        pointer: s.pointer,
        toBlockEnd: true,
        message: `vrrp_script ${s.name} has no \`script\`; keepalived removes it`,
        hint: 'add `script "/path/to/program args"`',
      });
    }
  },
};
