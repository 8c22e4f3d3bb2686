import type { Rule } from '../../rule.js';
import { findStatement, instanceFacts } from './facts.js';

/** `vrf` on an instance with an interface, or without unicast peers. */
export const vrfMisuse: Rule = {
  meta: {
    id: 'vrrp/vrf-misuse',
    severity: 'error',
    description: '`vrf` on an instance that has an `interface` or no unicast peers.',
    docs:
      '`vrf NAME` binds an interface-less unicast instance to a VRF. keepalived accepts it only for a unicast instance (with `unicast_peer`) without `interface`: `vrf` after `interface` is refused when read, `vrf` before `interface` or without unicast peers is reported and cleared after reading; either way `keepalived -t` fails. For an instance with an interface, the interface\'s own VRF applies.\n\n' +
      '```\nvrrp_instance VI_1 {\n    vrf red\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.2\n    }\n    virtual_ipaddress {\n        10.0.0.100/24 dev eth0\n    }\n}\n```',
    keepalived: '(VI_1) Cannot specify VRF interface and interface - ignoring / vrf can only be specified without interface / with unicast - clearing',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      const st = findStatement(f.node, 'vrf', 'first');
      if (!st) continue;
      const at = { loc: st.keywordLoc };
      if (f.interface !== undefined) {
        const ifSt = findStatement(f.node, 'interface', 'first');
        ctx.report({
          ...at,
          message: `vrrp_instance ${f.name} has \`interface\`${ifSt ? ` (line ${ifSt.keywordLoc.line})` : ''}; keepalived only accepts \`vrf\` on an instance without one and ignores it`,
          hint: 'remove `vrf` (the interface\'s VRF applies), or remove `interface` for a unicast instance',
        });
      } else if (!f.unicast) {
        ctx.report({
          ...at,
          message: `vrrp_instance ${f.name} has no unicast peers; keepalived only accepts \`vrf\` on a unicast instance and clears it`,
          hint: 'add `unicast_peer { ... }` (and `unicast_src_ip`), or remove `vrf`',
        });
      }
    }
  },
};
