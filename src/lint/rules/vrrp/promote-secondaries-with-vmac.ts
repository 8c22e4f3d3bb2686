import type { Rule } from '../../rule.js';
import { instanceFacts, keywordAt } from './facts.js';

/** promote_secondaries with use_vmac / use_ipvlan (already implied). */
export const promoteSecondariesWithVmac: Rule = {
  meta: {
    id: 'vrrp/promote-secondaries-with-vmac',
    severity: 'error',
    description: '`promote_secondaries` on an instance with `use_vmac` or `use_ipvlan`.',
    docs:
      'keepalived sets promote_secondaries on the VMAC/ipvlan interfaces it creates. Writing `promote_secondaries` on such an instance is reported as already implied, ignored, and `keepalived -t` fails. Remove the line.\n\n```\nvrrp_instance VI_1 {\n    interface eth0\n    use_vmac\n    promote_secondaries    ! remove: implied by use_vmac\n}\n```',
    keepalived: '(VI_1) promote_secondaries is automatically set for vmacs - ignoring',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (f.body.promote_secondaries === undefined || (!f.vmac && !f.ipvlan)) continue;
      if (f.unicastConfigured && f.interface === undefined) continue; // use_vmac is dropped first
      ctx.report({
        pointer: `${f.pointer}/promote_secondaries`,
        at: 'keyword',
        message: `keepalived sets promote_secondaries on the ${f.vmac ? 'VMAC' : 'ipvlan'} interface of vrrp_instance ${f.name} itself; it reports this line and ignores it`,
        hint: 'remove `promote_secondaries`',
      });
    }
  },
};
