import type { Rule } from '../../rule.js';

/** A static track_group without members. */
export const trackGroupEmpty: Rule = {
  meta: {
    id: 'vrrp/track-group-empty',
    severity: 'error',
    description: 'A `track_group` with an empty or missing `group` block.',
    docs:
      'A `track_group` names the vrrp_instances whose state a static address, route or rule follows (`track_group NAME` on the static line). An empty `group { }` block is reported and `keepalived -t` fails. A track_group without `group` block is reported and removed since keepalived 2.2.8 (`-t` fails); 2.2.7 only logs it and drops the group when it starts.\n\n```\ntrack_group TG_1 {\n    group {\n        VI_1\n    }\n}\n```',
    keepalived: 'Warning - track group TG has empty group block / Static track group TG has no members - removing',
  },
  check(ctx) {
    for (const g of ctx.named('track_group')) {
      const list = g.body.group as unknown[] | undefined;
      if (list !== undefined && list.length > 0) continue;
      const hasBlock = ctx.has(`${g.pointer}/group`);
      const reported = hasBlock || ctx.atLeast('2.2.8');
      ctx.report({
        pointer: hasBlock ? `${g.pointer}/group` : g.pointer,
        at: hasBlock ? 'keyword' : 'value',
        // keepalived reports it at the closing brace
        toBlockEnd: g.pointer,
        severity: reported ? 'error' : 'warning',
        message: hasBlock
          ? `track_group ${g.name} has an empty \`group\` block${ctx.atLeast('2.2.8') ? '; keepalived removes the group' : ''}`
          : `track_group ${g.name} has no \`group\` block; keepalived ${reported ? 'reports and removes it' : `${ctx.versionText} drops it when it starts (logged only)`}`,
        hint: 'list the vrrp_instance names to follow in `group { ... }`, or remove the track_group',
      });
    }
  },
};
