import type { Rule } from '../../rule.js';

/** A track_group naming an instance that does not exist. */
export const trackGroupUnknownInstance: Rule = {
  meta: {
    id: 'refs/track-group-unknown-instance',
    severity: 'warning',
    description: 'A track_group `group` entry that names no vrrp_instance.',
    docs:
      'keepalived resolves the instance names of a `track_group` when it starts; a name that is no vrrp_instance is only logged and ignored (`keepalived -t` passes), so the static addresses, routes or rules of the group silently follow fewer instances than intended, or none.\n\n```\ntrack_group TG_1 {\n    group {\n        VI_1\n        VI_X      ! no such vrrp_instance: ignored\n    }\n}\n```',
    keepalived: 'vrrp instance VI_9 specified in track group TG_1 doesn\'t exist - ignoring (logged)',
  },
  check(ctx) {
    const names = new Set(ctx.instances().map((i) => i.name));
    for (const g of ctx.named('track_group')) {
      const list = (g.body.group as unknown[] | undefined) ?? [];
      list.forEach((m, i) => {
        if (typeof m !== 'string' || names.has(m)) return;
        ctx.report({
          pointer: `${g.pointer}/group/${i}`,
          message: `track_group ${g.name} lists ${m}, which is no vrrp_instance; keepalived ignores it`,
          hint: 'use the name of a vrrp_instance (names are case-sensitive)',
        });
      });
    }
  },
};
