import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode: a master must not answer a lower priority advert. */
export const lowerPrioNoAdvert: Rule = {
  meta: {
    id: 'vrrp-strict/lower-prio-no-advert',
    severity: 'error',
    description: '`lower_prio_no_advert false` in an instance in strict mode.',
    docs:
      'The RFCs say a master ignores adverts of lower priority. Strict mode turns `lower_prio_no_advert` on; keepalived reports an instance that turns it off explicitly, turns it back on and `keepalived -t` fails.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    lower_prio_no_advert false    ! not allowed in strict mode\n}\n```\n\nFix: remove the line, or turn strict mode off for the instance.',
    keepalived: '(VI_1) strict mode forces lower_prio_no_advert on',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || e.body.lower_prio_no_advert !== false) continue;
      ctx.report({
        pointer: `${e.pointer}/lower_prio_no_advert`,
        message: `${e.name}: lower_prio_no_advert cannot be turned off in strict mode, set by ${strictSource(ctx, e)}; keepalived turns it on`,
        hint: 'remove `lower_prio_no_advert false`',
      });
    }
  },
};
