import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode, VRRPv2: accept mode only for the address owner. */
export const acceptV2: Rule = {
  meta: {
    id: 'vrrp-strict/accept-v2',
    severity: 'error',
    description: '`accept` on a VRRPv2 instance that is not the address owner, in strict mode.',
    docs:
      'RFC 3768 (VRRPv2) lets only the address owner accept packets for the virtual addresses. In strict mode keepalived reports `accept` on a VRRPv2 instance whose priority is not 255, turns accept mode off (the VIPs then only answer on the owner: keepalived installs firewall rules that drop the rest) and `keepalived -t` fails. VRRPv3 (RFC 5798) allows accept mode.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    priority 100\n    accept          ! not allowed with VRRPv2 in strict mode\n}\n```\n\nFix: remove `accept`, use `version 3`, or turn strict mode off for the instance.',
    keepalived: '(VI_1) VRRPv2 accept mode on a non-owner is not RFC 3768 conformant; turned off',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || !e.accept?.value || e.priority === 255 || e.version !== 2) continue;
      ctx.report({
        loc: e.accept.loc,
        message: `${e.name}: \`accept\` with VRRPv2 is only allowed for the address owner (priority 255) in strict mode, set by ${strictSource(ctx, e)}; keepalived turns accept mode off`,
        hint: 'remove `accept`, or use `version 3`',
      });
    }
  },
};
