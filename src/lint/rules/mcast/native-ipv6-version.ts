import type { Rule } from '../../rule.js';
import { effectiveInstances, lineOf } from '../vrrp-strict/effective.js';

/** `version 2` that a later native_ipv6 silently turns into version 3. */
export const nativeIpv6Version: Rule = {
  meta: {
    id: 'mcast/native-ipv6-version',
    severity: 'warning',
    description: '`version 2` followed by `native_ipv6`: keepalived silently runs version 3.',
    docs:
      '`native_ipv6` makes the instance IPv6 and sets its VRRP version to 3, overriding a `version 2` written before it without a word (a `version 2` after it is refused: `vrrp/version-conflict`). The `version 2` line then says the opposite of what keepalived does. `native_ipv6` is deprecated anyway: IPv6 addresses make the instance IPv6 by themselves.\n\n```\nvrrp_instance VI_1 {\n    version 2         ! no effect\n    native_ipv6\n}\n```\n\nFix: remove `version 2` (and `native_ipv6`).',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.v2OverriddenByNative || !e.nativeIpv6) continue;
      ctx.report({
        loc: e.v2OverriddenByNative.loc,
        message: `${e.name}: \`native_ipv6\` (${lineOf(ctx, e.nativeIpv6.loc)}) switches the instance to version 3, so \`version 2\` has no effect`,
        hint: 'remove `version 2`: IPv6 instances use version 3',
      });
    }
  },
};
