import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';

/** unicast_peer min_ttl above max_ttl: every advert from that peer is dropped. */
export const unicastPeerTtlRange: Rule = {
  meta: {
    id: 'vrrp/unicast-peer-ttl-range',
    severity: 'error',
    description: 'A unicast peer whose `min_ttl` is above its `max_ttl`.',
    docs:
      '`min_ttl`/`max_ttl` on a unicast peer line accept adverts from that peer only with a TTL in that range (default 0-255). With min_ttl above max_ttl nothing passes; keepalived reports that all packets will be discarded, and `keepalived -t` fails.\n\n' +
      '```\nunicast_peer {\n    10.0.0.2 min_ttl 250 max_ttl 255\n}\n```',
    keepalived: '(VI_1) min_ttl N > max_ttl M - all packets will be discarded',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      const peers = (inst.body.unicast_peer as Obj[] | undefined) ?? [];
      peers.forEach((p, i) => {
        if (!p || typeof p !== 'object') return;
        const min = typeof p.min_ttl === 'number' ? p.min_ttl : 0;
        const max = typeof p.max_ttl === 'number' ? p.max_ttl : 255;
        if (min <= max || min > 255 || max < 0) return;
        ctx.report({
          pointer: `${inst.pointer}/unicast_peer/${i}`,
          message: `unicast peer ${String(p.address)} has min_ttl ${min} above max_ttl ${max}; keepalived will discard every advert from it`,
          hint: 'make min_ttl at most max_ttl',
        });
      });
    }
  },
};
