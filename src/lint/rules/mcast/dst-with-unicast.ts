import type { Rule } from '../../rule.js';
import { effectiveInstances } from '../vrrp-strict/effective.js';

/** mcast_dst_ip on an instance that sends to unicast peers. */
export const dstWithUnicast: Rule = {
  meta: {
    id: 'mcast/dst-with-unicast',
    severity: 'error',
    description: '`mcast_dst_ip` on an instance with unicast peers: keepalived ignores it.',
    docs:
      'An instance with `unicast_peer` entries sends its adverts to those peers, so a multicast destination has no use. keepalived reports `mcast_dst_ip` on such an instance, ignores it and `keepalived -t` fails.\n\n```\nvrrp_instance VI_1 {\n    mcast_dst_ip 224.0.0.19    ! unused with unicast peers\n    unicast_peer {\n        10.0.0.2\n    }\n}\n```\n\nFix: remove `mcast_dst_ip`, or remove the unicast peers to use multicast.',
    keepalived: '(VI_1) a multicast destination is ignored for a unicast instance',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.mcastDst || !e.unicast) continue;
      ctx.report({
        loc: e.mcastDst.loc,
        message: `${e.name}: mcast_dst_ip ${e.mcastDst.text} is not used because the instance sends its adverts to unicast peers; keepalived ignores it`,
        hint: 'remove mcast_dst_ip, or drop the unicast peers to use multicast',
      });
    }
  },
};
