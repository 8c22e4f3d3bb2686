import type { Rule } from '../../rule.js';
import type { Obj } from '../../context.js';
import { instanceFacts, type InstanceFacts } from '../vrrp/facts.js';

function mcastGroup(ctx: Parameters<NonNullable<Rule['check']>>[0], f: InstanceFacts): string {
  if (typeof f.body.mcast_dst_ip === 'string') return f.body.mcast_dst_ip.toLowerCase();
  const g = ctx.globalDefs[f.family === 'IPv4' ? 'vrrp_mcast_group4' : 'vrrp_mcast_group6'];
  return typeof g === 'string' ? g.toLowerCase() : f.family === 'IPv4' ? '224.0.0.18' : 'ff02::12';
}

/** Two instances that would share a VRRP virtual router (same VRID, family, interface and group/peers). */
export const duplicateVrid: Rule = {
  meta: {
    id: 'refs/duplicate-vrid',
    severity: 'error',
    description: 'Two vrrp_instances with the same virtual_router_id on the same interface, address family and multicast group (or unicast peers).',
    docs:
      'The VRID identifies a virtual router on a link. After reading the file keepalived compares every pair of instances of the same address family and VRID:\n\n' +
      '- multicast instances on the same (base) interface that send to the same multicast group (`mcast_dst_ip`, else global `vrrp_mcast_group4`/`vrrp_mcast_group6`) conflict;\n' +
      '- unicast instances (with `unicast_peer`) conflict when they are on the same interface (or one has none), use the same source address (`unicast_src_ip`, else the interface\'s address; keepalived skips the pair while that address is unknown, e.g. an interface without address), and have a peer in common;\n' +
      '- a multicast and a unicast instance never conflict.\n\n' +
      'A conflict is reported and `keepalived -t` stops. Use another `virtual_router_id`.\n\n' +
      '```\nvrrp_instance VI_1 { interface eth0  virtual_router_id 51 ... }\nvrrp_instance VI_2 { interface eth0  virtual_router_id 52 ... }   ! not 51\n```',
    keepalived: 'VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0 / (VI_1) duplicate VRID conflict with VI_2 VRID 51',
  },
  check(ctx) {
    const facts = instanceFacts(ctx).filter((f) => {
      const v = f.body.virtual_router_id;
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 255;
    });
    // only instances of the same family, VRID and mode (and, multicast, interface) can conflict:
    // compare within those groups, pairs (i, j) in the order of the whole list as before
    const groups = new Map<string, number[]>();
    const groupOf: (number[] | undefined)[] = [];
    const place: number[] = [];
    facts.forEach((f, i) => {
      if (!f.unicast && !f.interface) return; // multicast without interface: never a conflict
      const key = `${f.family}|${String(f.body.virtual_router_id)}|${f.unicast ? 'u' : `m|${f.interface!}`}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      place[i] = g.length;
      g.push(i);
      groupOf[i] = g;
    });
    for (let i = 0; i < facts.length; i++) {
      const group = groupOf[i];
      if (!group) continue;
      for (let k = place[i]! + 1; k < group.length; k++) {
        const j = group[k]!;
        const a = facts[i]!;
        const b = facts[j]!;
        const vrid = a.body.virtual_router_id as number;
        let message: string;
        if (a.unicast) {
          if (a.interface && b.interface && a.interface !== b.interface) continue;
          if (a.sourceAddress !== undefined && b.sourceAddress !== undefined) {
            if (a.sourceAddress.toLowerCase() !== b.sourceAddress.toLowerCase()) continue;
          } else if (a.sourceAddress !== undefined || b.sourceAddress !== undefined || a.interface !== b.interface) continue;
          const peersA = new Set(((a.body.unicast_peer as Obj[] | undefined) ?? []).map((p) => String(p.address).toLowerCase()));
          const common = ((b.body.unicast_peer as Obj[] | undefined) ?? []).map((p) => String(p.address).toLowerCase()).find((p) => peersA.has(p));
          if (!common) continue;
          message = `${a.name} and ${b.name} both use VRID ${vrid} for ${a.family} unicast from the same source${a.sourceAddress ? ` ${a.sourceAddress}` : ` on ${a.interface}`} with peer ${common} in common; keepalived reports a duplicate VRID and stops`;
        } else {
          if (!a.interface || a.interface !== b.interface) continue;
          const ga = mcastGroup(ctx, a);
          if (ga !== mcastGroup(ctx, b)) continue;
          message = `${a.name} (line ${ctx.locate(`${a.pointer}/virtual_router_id`).line}) and ${b.name} both use VRID ${vrid} with ${a.family} on interface ${a.interface} and multicast group ${ga}; keepalived reports it and stops`;
        }
        ctx.report({
          pointer: `${b.pointer}/virtual_router_id`,
          message,
          hint: a.unicast ? 'use another virtual_router_id, or peers that do not overlap' : 'use another virtual_router_id (or another mcast_dst_ip)',
        });
      }
    }
  },
};
