import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode and no_virtual_ipaddress (2.2.8+). */
export const noVirtualIpaddress: Rule = {
  meta: {
    id: 'vrrp-strict/no-virtual-ipaddress',
    severity: 'error',
    description: '`no_virtual_ipaddress` in an instance in strict mode.',
    docs:
      'The RFCs require at least one virtual address per virtual router. keepalived 2.2.8 and later report `no_virtual_ipaddress` in strict mode as a warning that still makes `keepalived -t` fail, and ignore it: an instance without `virtual_ipaddress` is then rejected (`vrrp/no-vip`). keepalived 2.2.7 does not know the keyword.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    no_virtual_ipaddress    ! ignored in strict mode\n}\n```\n\nFix: give the instance a `virtual_ipaddress`, or turn strict mode off for it.',
    keepalived: '(VI_1) no_virtual_ipaddress is refused in strict mode and cleared (warning class: -t still fails)',
  },
  check(ctx) {
    if (!ctx.atLeast('2.2.8')) return;
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || e.body.no_virtual_ipaddress === undefined) continue;
      ctx.report({
        pointer: `${e.pointer}/no_virtual_ipaddress`,
        at: 'keyword',
        message: `${e.name}: no_virtual_ipaddress is ignored in strict mode, set by ${strictSource(ctx, e)}; the instance needs a virtual_ipaddress`,
        hint: 'add a virtual_ipaddress block, or set `strict_mode off` in this instance',
      });
    }
  },
};
