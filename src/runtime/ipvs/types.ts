/**
 * The IPVS driver interface: what the checker side of the daemon asks of the kernel's virtual
 * server table. Commands are values (the same ones `ipvsadm` takes), so that a driver can run
 * them (ipvsadm.ts), record them (record.ts) or a test can compare them.
 */
import type { IpvsProtocol, PlanForwarding, PlanIpvsService, PlanPersistence } from '../../compile/plan.js';
import type { AddressFamily } from '../vrrp/address.js';

/** A virtual service with its scheduling (what -A/-E take). */
export interface IpvsService extends PlanIpvsService {
  scheduler: string;
  /** ipvsadm -b names */
  schedFlags: string[];
  ops: boolean;
  persistence: PlanPersistence | null;
}

/** A real server of a service, as given to the kernel (what -a/-e take). */
export interface IpvsDest {
  address: string;
  family: AddressFamily;
  /** the destination port handed to IPVS (resolved against the service: see destPort) */
  port: number;
  forwarding: PlanForwarding;
  weight: number;
  uThreshold: number;
  lThreshold: number;
}

export type IpvsCommand =
  | { op: 'add-service'; service: IpvsService }
  | { op: 'edit-service'; service: IpvsService }
  | { op: 'del-service'; service: PlanIpvsService }
  | { op: 'add-dest'; service: PlanIpvsService; dest: IpvsDest }
  | { op: 'edit-dest'; service: PlanIpvsService; dest: IpvsDest }
  | { op: 'del-dest'; service: PlanIpvsService; dest: Pick<IpvsDest, 'address' | 'family' | 'port'> };

/** The outcome of one command: errors are values, the daemon logs them. */
export interface IpvsResult {
  command: IpvsCommand;
  ok: boolean;
  /** what the kernel (through ipvsadm) said, when not ok or when it was tolerated */
  message?: string;
}

export interface IpvsDriver {
  /** `ipvsadm` (the kernel table) or `record` (a file and memory) */
  readonly kind: 'ipvsadm' | 'record';
  /** The initial table in one batch (ipvsadm -R). Resolves with each command's outcome. */
  init(commands: IpvsCommand[]): Promise<IpvsResult[]>;
  /** One change (health, weight, quorum). */
  apply(command: IpvsCommand): Promise<IpvsResult>;
  /** Remove what this driver added: the services it created, and its destinations in services it found. */
  stop(): Promise<IpvsResult[]>;
  /** The same for some services only (a virtual server removed or changed by a reload). */
  release(services: PlanIpvsService[]): Promise<IpvsResult[]>;
}

/** The port IPVS gets for a destination of a service: DR/TUN take the service's, fwmark services none unless NAT gives one. */
export function destPort(service: PlanIpvsService, forwarding: PlanForwarding, port: number): number {
  if (forwarding.method !== 'NAT') return service.port;
  return port || service.port;
}

export const serviceKey = (s: PlanIpvsService): string =>
  s.fwmark !== null ? `fwm ${s.family} ${s.fwmark}` : `${(s.protocol ?? 'UDP').toLowerCase()} ${canonical(s.address ?? '')} ${s.port}`;

export const destKey = (d: Pick<IpvsDest, 'address' | 'port'>): string => `${canonical(d.address)} ${d.port}`;

function canonical(a: string): string {
  if (!a.includes(':')) return a;
  try {
    return new URL(`http://[${a}]/`).hostname.slice(1, -1);
  } catch {
    return a;
  }
}

export type { IpvsProtocol };
