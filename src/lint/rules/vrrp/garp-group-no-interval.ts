import type { Rule } from '../../rule.js';

/** A garp_group without garp_interval or gna_interval. */
export const garpGroupNoInterval: Rule = {
  meta: {
    id: 'vrrp/garp-group-no-interval',
    severity: 'error',
    description: 'A `garp_group` with neither `garp_interval` nor `gna_interval`.',
    docs:
      'A `garp_group` spaces out the gratuitous ARPs (`garp_interval`) and unsolicited neighbour adverts (`gna_interval`) sent on its interfaces. Without either delay it does nothing: keepalived reports it, removes it, and `keepalived -t` fails.\n\n' +
      '```\ngarp_group {\n    garp_interval 0.001\n    interfaces {\n        eth0\n    }\n}\n```',
    keepalived: 'garp group N does not have any delay set - removing',
  },
  check(ctx) {
    const groups = (ctx.document.garp_group as unknown[] | undefined) ?? [];
    groups.forEach((g, i) => {
      const b = (g ?? {}) as Record<string, unknown>;
      // a value keepalived rejects (out of range for the release) leaves the delay unset
      const set = (k: string): boolean => b[k] !== undefined && !ctx.invalid(`/garp_group/${i}/${k}`);
      if (set('garp_interval') || set('gna_interval')) return;
      const rejected = ['garp_interval', 'gna_interval'].filter((k) => b[k] !== undefined);
      ctx.report({
        pointer: `/garp_group/${i}`,
        at: 'keyword',
        // keepalived checks it at the closing brace
        toBlockEnd: true,
        message:
          rejected.length > 0
            ? `this garp_group has no usable delay (keepalived rejects its ${rejected.map((k) => `\`${k}\``).join(' and ')}); keepalived removes it`
            : 'this garp_group has neither `garp_interval` nor `gna_interval`; keepalived removes it',
        hint: 'add `garp_interval SECONDS` and/or `gna_interval SECONDS`',
      });
    });
  },
};
