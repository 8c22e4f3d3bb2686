import type { Rule } from '../../rule.js';
import { familyName, groupInfo, settleFamily, virtualServers } from './util.js';

/** A group's address family contradicting the family its virtual server settled on. */
export const groupFamily: Rule = {
  meta: {
    id: 'ipvs/group-family',
    severity: 'warning',
    description: 'A virtual_server_group whose address family does not match the family of the virtual server using it.',
    docs:
      'A `virtual_server group NAME` takes its family from its real servers (those not tunnelled), `ip_family` or `persistence_granularity`. When the group holds addresses (or fwmarks with a family) of the other family — or both IPv4 and IPv6 while the service has a family — keepalived logs it and drops the virtual server after reading the configuration. `keepalived -t` does not report it.\n\n```\nvirtual_server_group G {\n    192.0.2.20 80\n}\nvirtual_server group G {\n    lb_kind NAT\n    real_server 2001:db8::11 80 { ... }    ! IPv6 server, IPv4 group: service dropped\n}\n```\n\nUse servers of the group\'s family, or split IPv4 and IPv6 into two groups and two virtual servers (tunnelled real servers may differ in family).',
    keepalived: "NAME: address family doesn't match virtual server ... - ignoring (log only)",
  },
  check(ctx) {
    for (const vs of virtualServers(ctx)) {
      const name = vs.body.group;
      if (typeof name !== 'string') continue;
      const g = groupInfo(ctx, name);
      if (!g || g.removed) continue;
      const { family } = settleFamily(ctx, vs);
      if (!family) continue;
      let problem: string | undefined;
      if (g.hasIPv4 && g.hasIPv6) problem = `virtual_server_group ${name} has both IPv4 and IPv6 entries, but this service is ${familyName(family)}`;
      else if ((g.hasIPv4 && family === 'inet6') || (g.hasIPv6 && family === 'inet'))
        problem = `virtual_server_group ${name} is ${g.hasIPv4 ? 'IPv4' : 'IPv6'}, but this service is ${familyName(family)} (from its real servers, ip_family or persistence_granularity)`;
      if (!problem) continue;
      ctx.report({
        pointer: `${vs.pointer}/group`,
        message: `${problem}; keepalived drops the virtual server`,
        hint: 'make the group and the (non-tunnelled) real servers the same family, or use one group per family',
      });
    }
  },
};
