import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';

/** unicast_peer listing the instance's own unicast_src_ip: it would send adverts to itself. */
export const unicastPeerIsSelf: Rule = {
  meta: {
    id: 'vrrp/unicast-peer-is-self',
    severity: 'warning',
    description: 'An instance lists its own unicast_src_ip as a unicast_peer.',
    docs:
      'A unicast peer is another router of the same virtual router. Listing the instance\'s own source address sends its adverts back to itself; the real peer is usually missing from the list (a copy-paste of the other host\'s config). keepalived does not check this.\n\n```\nvrrp_instance VI_1 {\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.1      ! this host: should be the other router, e.g. 10.0.0.2\n    }\n}\n```',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      const src = inst.body.unicast_src_ip;
      const peers = (inst.body.unicast_peer as Obj[] | undefined) ?? [];
      if (typeof src !== 'string') continue;
      peers.forEach((peer, i) => {
        if (peer.address === src) {
          ctx.report({
            pointer: `${inst.pointer}/unicast_peer/${i}`,
            message: `unicast_peer ${src} is this instance's own unicast_src_ip`,
            hint: 'list the other routers of the virtual router, not this one',
          });
        }
      });
    }
  },
};
