import type { Rule } from '../../rule.js';
import { fwmarkService, services, vsName } from './util.js';

/** ha_suspend on a service that uses fwmarks. */
export const haSuspendFwmark: Rule = {
  meta: {
    id: 'ipvs/ha-suspend-fwmark',
    severity: 'error',
    description: '`ha_suspend` on a fwmark virtual server or a group with fwmarks.',
    docs:
      '`ha_suspend` suspends the checkers while the virtual address is not on this host, which keepalived can only tell for address services. On a fwmark service (or a group containing fwmarks) keepalived reports it after reading the configuration and clears it; `keepalived -t` fails.\n\n```\nvirtual_server fwmark 7 {\n    ha_suspend        ! not with fwmarks\n}\n```',
    keepalived: 'Virtual server X: cannot use ha_suspend with fwmarks - clearing ha_suspend',
  },
  check(ctx) {
    for (const s of services(ctx)) {
      const b = s.vs.body;
      if (b.ha_suspend === undefined || !fwmarkService(s)) continue;
      ctx.report({
        pointer: `${s.vs.pointer}/ha_suspend`,
        at: 'keyword',
        message: `${vsName(b)} uses fwmarks${s.group ? ` (in virtual_server_group ${s.group.name})` : ''}; keepalived reports \`ha_suspend\` and clears it`,
        hint: 'remove ha_suspend',
      });
    }
  },
};
