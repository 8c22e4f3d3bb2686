import type { Rule } from '../../rule.js';
import { addressFamily, findStatement, instanceFacts, keywordAt } from './facts.js';

/** An IPv4 ipvlan instance needs an address on the ipvlan interface. */
export const ipvlanWithoutAddress: Rule = {
  meta: {
    id: 'vrrp/ipvlan-without-address',
    severity: 'error',
    description: 'An IPv4 instance with `use_ipvlan` but no address for the ipvlan interface.',
    docs:
      'An ipvlan interface shares the MAC address of its parent, so VRRP over IPv4 needs an address of its own on it to send adverts from: `use_ipvlan [NAME] ADDRESS[/LEN] [bridge|private|vepa]`. Without one keepalived reports it, keeps the instance in fault state, and `keepalived -t` fails.\n\n' +
      '```\nvrrp_instance VI_1 {\n    interface eth0\n    use_ipvlan ipvl1 10.0.0.56/24\n}\n```',
    keepalived: '(VI_1) IPv4 ipvlan requires a source ip address to be configured. setting instance to fault state',
  },
  check(ctx) {
    for (const f of instanceFacts(ctx)) {
      if (!f.ipvlan || f.family !== 'IPv4' || f.interface === undefined) continue;
      if (f.unicastConfigured) continue; // reported by vrrp/unicast-ipvlan
      // kaconf's model does not read use_ipvlan's words yet: look at the statement itself
      const st = findStatement(f.node, 'use_ipvlan', 'first');
      const words = st?.args ?? [];
      if (words.some((w) => /^[0-9a-fA-F:.]+(\/\d+)?$/.test(w) && addressFamily(w))) continue;
      ctx.report({
        ...keywordAt(ctx, f, 'use_ipvlan'),
        message: `IPv4 vrrp_instance ${f.name} uses ipvlan without an address for it; keepalived keeps the instance in fault state`,
        hint: 'add the ipvlan interface\'s address: `use_ipvlan [NAME] ADDRESS/LEN`',
      });
    }
  },
};
