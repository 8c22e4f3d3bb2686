import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode with unicast peers: not RFC behaviour, but not enforced by 2.2.7/2.3.2. */
export const unicast: Rule = {
  meta: {
    id: 'vrrp-strict/unicast',
    severity: 'warning',
    description: 'An instance in strict mode sends its adverts to unicast peers.',
    docs:
      'The RFCs send adverts to the VRRP multicast group; unicast peers are a keepalived extension. keepalived has a check that refuses unicast peers in strict mode on an interface that can multicast, but in 2.2.7 and 2.3.2 it tests the unicast flag before setting it, so it is never reached and `keepalived -t` accepts the configuration. The combination is still contradictory: strict mode is meant for RFC interoperability, unicast peers are not.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    unicast_peer {       ! not RFC behaviour\n        10.0.0.2\n    }\n}\n```\n\nFix: use multicast in strict mode, or turn strict mode off for the unicast instance.',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || !e.unicast) continue;
      ctx.report({
        pointer: `${e.pointer}/unicast_peer`,
        at: 'keyword',
        message: `${e.name}: unicast peers in strict mode, set by ${strictSource(ctx, e)}; the RFCs use multicast (keepalived ${ctx.versionText} does not enforce this)`,
        hint: 'use multicast for strict instances, or `strict_mode off` for this one',
      });
    }
  },
};
