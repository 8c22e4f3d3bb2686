/**
 * What a driver put into the IPVS table, so that stopping removes that and nothing else: the
 * services it created (removed whole), and the destinations it added to services it found there
 * (removed one by one; the service stays).
 */
import type { PlanIpvsService } from '../../compile/plan.js';
import { type IpvsCommand, type IpvsDest, destKey, serviceKey } from './types.js';

export class Ownership {
  /** services this run created (or an earlier kaconf run did: see adopt) */
  readonly created = new Map<string, PlanIpvsService>();
  /** destinations added to services someone else created */
  readonly added = new Map<string, { service: PlanIpvsService; dests: Map<string, Pick<IpvsDest, 'address' | 'family' | 'port'>> }>();

  /** after a command took effect */
  note(c: IpvsCommand): void {
    const key = serviceKey(c.service);
    const service: PlanIpvsService = { family: c.service.family, protocol: c.service.protocol, address: c.service.address, port: c.service.port, fwmark: c.service.fwmark };
    switch (c.op) {
      case 'add-service':
        this.created.set(key, service);
        break;
      case 'del-service':
        this.created.delete(key);
        this.added.delete(key);
        break;
      case 'add-dest':
        if (this.created.has(key)) break;
        if (!this.added.has(key)) this.added.set(key, { service, dests: new Map() });
        this.added.get(key)!.dests.set(destKey(c.dest), { address: c.dest.address, family: c.dest.family, port: c.dest.port });
        break;
      case 'del-dest':
        this.added.get(key)?.dests.delete(destKey(c.dest));
        break;
    }
  }

  /** The commands that undo this run: its destinations in others' services, then its services. */
  undo(only?: PlanIpvsService[]): IpvsCommand[] {
    const keys = only ? new Set(only.map(serviceKey)) : undefined;
    const out: IpvsCommand[] = [];
    for (const [key, { service, dests }] of this.added) if (!keys || keys.has(key)) for (const d of dests.values()) out.push({ op: 'del-dest', service, dest: d });
    for (const [key, s] of this.created) if (!keys || keys.has(key)) out.push({ op: 'del-service', service: s });
    return out;
  }
}
