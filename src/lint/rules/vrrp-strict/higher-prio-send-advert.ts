import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode: no advert sent on seeing a higher priority advert. */
export const higherPrioSendAdvert: Rule = {
  meta: {
    id: 'vrrp-strict/higher-prio-send-advert',
    severity: 'error',
    description: '`higher_prio_send_advert` turned on in an instance in strict mode.',
    docs:
      'Sending an advert before giving way to a higher-priority master is a keepalived extension. In strict mode keepalived reports an instance that turns `higher_prio_send_advert` on, turns it off and `keepalived -t` fails. The global `vrrp_higher_prio_send_advert` is not used in strict mode.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    higher_prio_send_advert    ! not allowed in strict mode\n}\n```\n\nFix: remove the line, or turn strict mode off for the instance.',
    keepalived: '(VI_1) strict mode forces higher_prio_send_advert off',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || e.body.higher_prio_send_advert !== true) continue;
      ctx.report({
        pointer: `${e.pointer}/higher_prio_send_advert`,
        at: 'keyword',
        message: `${e.name}: higher_prio_send_advert is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived turns it off`,
        hint: 'remove `higher_prio_send_advert`',
      });
    }
  },
};
