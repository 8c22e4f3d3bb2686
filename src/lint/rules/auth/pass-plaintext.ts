import type { Rule } from '../../rule.js';
import { effectiveInstances } from '../vrrp-strict/effective.js';

/** PASS authentication over multicast: the password is in every advert, in clear text. */
export const passPlaintext: Rule = {
  meta: {
    id: 'auth/pass-plaintext',
    severity: 'info',
    description: 'PASS authentication on a multicast instance sends the password in clear text to the whole segment.',
    docs:
      'With `auth_type PASS` the password travels unencrypted in every advert; over multicast every host on the link receives it. It only guards against misconfigured routers joining the virtual router, not against an attacker, and RFC 3768 dropped it for that reason. keepalived accepts it.\n\nConsider: VRRPv3 without authentication and filtering VRRP (IP protocol 112) to the known routers, or unicast peers.',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (e.strict || e.authType !== 'PASS' || e.version !== 2 || !e.authPass || e.unicast || !e.authTypeLoc) continue;
      ctx.report({
        loc: e.authTypeLoc,
        message: `${e.name}: PASS authentication sends the password in clear text in every multicast advert; it does not protect against an attacker on the link`,
        hint: 'rely on filtering VRRP traffic (IP protocol 112) to the known routers instead',
      });
    }
  },
};
