/**
 * What the daemon needs from the host, as interfaces: the real drivers (raw sockets, iproute2,
 * arping, child processes, Unix sockets) live beside this file; tests give fakes.
 */
import type { PlanCommand, PlanGlobal, PlanVip } from '../compile/plan.js';
import type { CheckIo } from './check/scheduler.js';
import type { IpvsDriver } from './ipvs/types.js';
import type { ScriptVerdict } from './scripts/security.js';
import type { AddressFamily } from './vrrp/address.js';

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** monotonic milliseconds (fractions allowed) */
  now(): number;
  /** wall-clock milliseconds since the epoch (for status and logs) */
  wall(): number;
  at(deadline: number, fn: () => void): TimerHandle;
}

/** One packet as a VRRP socket delivered it. */
export interface ReceivedPacket {
  iface: string;
  family: AddressFamily;
  /** IPv4: the whole datagram (IP header included); IPv6: the VRRP packet only */
  data: Buffer;
  /** sender as the socket reported it (IPv6; IPv4 takes it from the header) */
  source: string;
}

export interface Endpoint {
  /** IPv4: a whole datagram (IP_HDRINCL); IPv6: the VRRP packet. dst: the destination address. */
  send(data: Buffer, dst: string): void;
  close(): void;
}

export interface EndpointSpec {
  iface: string;
  family: AddressFamily;
  /** multicast groups to join */
  groups: string[];
  /** IPv6: source address to send from (sticky IPV6_PKTINFO) */
  source?: string;
  /** IPv6 multicast hop limit / unicast hop limit */
  hopLimit?: number;
}

export interface Transport {
  open(spec: EndpointSpec, onPacket: (p: ReceivedPacket) => void, onError: (e: Error) => void): Endpoint;
}

export interface NetDriver {
  /** the address adverts go out from when the config names none (IPv6: the link-local one) */
  primaryAddress(iface: string, family: AddressFamily): string | null;
  /** addresses currently on an interface (address/prefix) */
  addresses(iface: string): Promise<string[]>;
  addAddress(vip: PlanVip): Promise<void>;
  removeAddress(vip: PlanVip): Promise<void>;
  /** one gratuitous ARP (IPv4) or unsolicited NA (IPv6) for a VIP; resolves when it is sent */
  announce(vip: PlanVip): Promise<void>;
}

export interface LinkMonitor {
  /** current state; true when the interface is up and has carrier */
  isUp(iface: string): boolean;
  start(onChange: (iface: string, up: boolean) => void): void;
  stop(): void;
}

export interface ScriptResult {
  ok: boolean;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  error?: string;
  /** the start of what the script wrote on stderr (capped; the rest is read and dropped) */
  stderr?: string;
}

export interface ScriptRunner {
  /** run a check script, killing it after timeoutMs */
  check(cmd: PlanCommand, timeoutMs: number): Promise<ScriptResult>;
  /** run a notify script in the background (extra arguments appended); never blocks the caller */
  notify(cmd: PlanCommand, args: string[]): void;
  /** end what still runs (notify_stop scripts get a moment first) */
  stop(): void | Promise<void>;
  /**
   * keepalived's script security (scripts/security.ts): whether and how a command may run, decided
   * when a plan is started or reloaded. Absent: every command runs as written.
   */
  vet?(cmd: PlanCommand, global: PlanGlobal, keepalivedVersion: string): ScriptVerdict;
}

export interface VipRecord {
  instance: string;
  dev: string;
  address: string;
  prefix: number;
  family: AddressFamily;
}

export interface StateStore {
  load(): VipRecord[];
  save(records: VipRecord[]): void;
}

export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

export interface Drivers {
  clock: Clock;
  transport: Transport;
  net: NetDriver;
  links: LinkMonitor;
  scripts: ScriptRunner;
  state: StateStore;
  logger: Logger;
  /** IPVS (plans with virtual servers): ipvs/ipvsadm.ts or ipvs/record.ts; without one, an in-memory recorder */
  ipvs?: IpvsDriver;
  /** the checkers' network I/O (default: real TCP/HTTP/TLS) */
  checks?: CheckIo;
  /** the random part of checker warmup (default Math.random) */
  random?: () => number;
}
