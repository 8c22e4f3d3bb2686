import type { Rule } from '../../rule.js';

/** unicast_ttl without unicast peers. */
export const unicastTtlWithoutPeers: Rule = {
  meta: {
    id: 'vrrp/unicast-ttl-without-peers',
    severity: 'error',
    description: '`unicast_ttl` on an instance without `unicast_peer`.',
    docs:
      '`unicast_ttl` sets the TTL of unicast adverts. Without unicast peers keepalived reports it when it reads the instance, resets it, and `keepalived -t` fails.\n\n```\nvrrp_instance VI_1 {\n    unicast_ttl 10\n    unicast_peer {          ! needed for unicast_ttl\n        10.0.0.2\n    }\n}\n```',
    keepalived: '(VI_1): Cannot use unicast_ttl without unicast peers - resetting',
  },
  check(ctx) {
    for (const inst of ctx.instances()) {
      const peers = (inst.body.unicast_peer as unknown[] | undefined) ?? [];
      if (inst.body.unicast_ttl === undefined || peers.length > 0) continue;
      ctx.report({
        pointer: `${inst.pointer}/unicast_ttl`,
        at: 'keyword',
        // keepalived checks it when the instance ends and names its `}`
        toBlockEnd: true,
        message: `vrrp_instance ${inst.name} has \`unicast_ttl\` but no unicast peers; keepalived resets it`,
        hint: 'add the `unicast_peer { ... }` block, or remove `unicast_ttl`',
      });
    }
  },
};
