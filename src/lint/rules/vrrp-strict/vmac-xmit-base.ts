import type { Rule } from '../../rule.js';
import { effectiveInstances, strictSource } from './effective.js';

/** Strict mode and vmac_xmit_base (also when unicast turns it on). */
export const vmacXmitBase: Rule = {
  meta: {
    id: 'vrrp-strict/vmac-xmit-base',
    severity: 'error',
    description: '`vmac_xmit_base` with `use_vmac` in strict mode, written or implied by unicast.',
    docs:
      'With `vmac_xmit_base` adverts leave from the base interface instead of the VMAC, which the RFCs do not allow. In strict mode keepalived reports it for an instance with `use_vmac`, turns it off and `keepalived -t` fails. keepalived also turns `vmac_xmit_base` on by itself for a `use_vmac` instance with an interface and any unicast keyword (after saying so at the end of the block), so such an instance fails in strict mode too.\n\n```\nvrrp_instance VI_1 {\n    strict_mode\n    use_vmac\n    vmac_xmit_base     ! not allowed in strict mode\n}\n```\n\nFix: remove `vmac_xmit_base` (and unicast settings from a VMAC instance), or turn strict mode off for the instance.',
    keepalived: '(VI_1) vmac_xmit_base is refused in strict mode and cleared',
  },
  check(ctx) {
    for (const e of effectiveInstances(ctx)) {
      if (!e.strict || !e.useVmac) continue;
      const written = e.vmacXmitBase !== undefined;
      const implied = !written && e.unicastConfigured && e.interface !== undefined;
      if (!written && !implied) continue;
      ctx.report({
        loc: (e.vmacXmitBase ?? e.useVmac).keywordLoc,
        message: written
          ? `${e.name}: vmac_xmit_base is not allowed in strict mode, set by ${strictSource(ctx, e)}; keepalived turns it off`
          : `${e.name}: use_vmac with unicast makes keepalived turn on vmac_xmit_base, which strict mode, set by ${strictSource(ctx, e)}, does not allow`,
        hint: written ? 'remove `vmac_xmit_base`' : 'use multicast for a VMAC instance in strict mode, or drop use_vmac',
      });
    }
  },
};
