/**
 * The compiled plan: everything `kaconf run` needs to run keepalived's VRRP part on one host,
 * with every default applied and every reference resolved. Times are milliseconds.
 * Its JSON shape is schemas/plan.schema.json (validated on write and on load).
 */
import type { AddressFamily } from '../runtime/vrrp/address.js';
import type { GarpConfig } from '../runtime/vrrp/fsm.js';

export const PLAN_KIND = 'kaconf.plan';
export const PLAN_VERSION = 1;

export interface Plan {
  kind: typeof PLAN_KIND;
  version: typeof PLAN_VERSION;
  source: { file: string; sha256: string; includes?: string[] };
  /** the host the conditionals were chosen for (--host, else none) */
  host: string | null;
  /** keepalived release whose semantics were applied */
  keepalivedVersion: string;
  global: PlanGlobal;
  scripts: Record<string, PlanScript>;
  syncGroups: Record<string, PlanSyncGroup>;
  instances: Record<string, PlanInstance>;
  /** virtual servers and their checkers; absent when the config has none */
  ipvs?: PlanIpvs;
}

export interface PlanGlobal {
  routerId: string | null;
  scriptSecurity: boolean;
  /** script_user: user (and group) scripts run as; null = keepalived's default (keepalived_script, else root) */
  scriptUser: { user: string; group?: string } | null;
  strict: boolean;
  /** spacing between gratuitous ARPs / unsolicited NAs (vrrp_garp_interval / vrrp_gna_interval) */
  garpIntervalMs: number;
  gnaIntervalMs: number;
}

/** A command as keepalived runs it: split into words (no shell unless the command is a shell). */
export interface PlanCommand {
  /** the command as written */
  text: string;
  argv: string[];
  user?: string;
  group?: string;
}

export interface PlanScript {
  command: PlanCommand;
  intervalMs: number;
  timeoutMs: number;
  weight: number;
  weightReverse: boolean;
  rise: number;
  fall: number;
  /** init_fail: the script counts as failed until it first succeeds */
  initFail: boolean;
}

export interface PlanNotify {
  master?: PlanCommand;
  backup?: PlanCommand;
  fault?: PlanCommand;
  stop?: PlanCommand;
  /** `notify`: called with TYPE NAME STATE PRIORITY on every change */
  any?: PlanCommand;
  masterRxLowerPri?: PlanCommand;
}

export interface PlanSyncGroup {
  members: string[];
  notify: PlanNotify;
}

export interface PlanVip {
  address: string;
  prefix: number;
  family: AddressFamily;
  dev: string;
  scope?: string;
  label?: string;
  broadcast?: string;
  peer?: string;
  noTrack?: boolean;
}

export interface PlanTrackItem {
  name: string;
  /** 0 = fault while down */
  weight: number;
  reverse: boolean;
}

export type PlanTransport =
  | { mode: 'multicast'; group: string; srcAddress: string | null }
  | { mode: 'unicast'; srcAddress: string | null; peers: { address: string; minTtl: number; maxTtl: number }[]; ttl: number };

export interface PlanInstance {
  name: string;
  interface: string;
  vrid: number;
  version: 2 | 3;
  family: AddressFamily;
  initialState: 'MASTER' | 'BACKUP';
  priority: number;
  /** how the advertised priority is derived: base + weights of the tracked objects, clamped */
  effectivePriority: { base: number; min: number; max: number; owner: boolean; weights: { kind: 'script' | 'interface'; name: string; weight: number; reverse: boolean }[] };
  advertIntervalMs: number;
  preempt: boolean;
  preemptDelayMs: number;
  accept: boolean;
  auth: { type: 'none' } | { type: 'PASS'; password: string } | { type: 'AH'; password: string };
  transport: PlanTransport;
  checksum: 'pseudo-header' | 'auto' | 'old-unicast' | 'as-v2';
  vips: PlanVip[];
  excludedVips: PlanVip[];
  /** the state machine's GARP settings, and vrrp_garp_interval (the spacing inside a burst) */
  garp: GarpConfig & { intervalMs: number };
  track: { interfaces: PlanTrackItem[]; scripts: PlanTrackItem[]; trackPrimaryInterface: boolean };
  notify: PlanNotify;
  syncGroup: string | null;
  lowerPrioNoAdvert: boolean;
  higherPrioSendAdvert: boolean;
  downTimerAdverts: number;
  skipCheckAdvAddr: boolean;
  checkUnicastSource: boolean;
  notifyPriorityChanges: boolean;
  strict: boolean;
  /** keywords in the config that kaconf run does not carry out yet */
  unsupported?: string[];
}

// ----- IPVS: virtual servers, real servers, health checkers (keepalived's checker process) -----

/**
 * The LVS part of a config. Absent from plans of configs without virtual servers (and from
 * plans written before it existed); version 1 either way.
 */
export interface PlanIpvs {
  virtualServers: PlanVirtualServer[];
  /** the SSL block: client certificate, key and CA files SSL_GET uses (keepalived does not verify the server) */
  ssl: PlanSsl | null;
  /** global_defs checker_log_all_failures */
  logAllFailures: boolean;
  /** global_defs rs_init_notifies: notify_up for the real servers alive at start */
  rsInitNotifies: boolean;
}

export interface PlanSsl {
  ca?: string;
  certificate?: string;
  key?: string;
  /** secret: never logged */
  password?: string;
}

export type IpvsProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface PlanForwarding {
  method: 'NAT' | 'DR' | 'TUN';
  /** TUN only: encapsulation (ipip when absent) */
  tunnelType?: 'ipip' | 'gue' | 'gre';
  /** TUN gue: the UDP destination port */
  tunnelPort?: number;
  /** TUN gue/gre: checksum mode (nocsum when absent) */
  tunnelChecksum?: 'csum' | 'remcsum';
}

/** One IPVS service as the kernel holds it: a virtual_server is one; a group is one per address and per fwmark. */
export interface PlanIpvsService {
  family: AddressFamily;
  /** null for fwmark services */
  protocol: IpvsProtocol | null;
  address: string | null;
  port: number;
  fwmark: number | null;
}

export interface PlanPersistence {
  timeoutS: number;
  /** persistence_granularity: an IPv4 netmask, or an IPv6 prefix length; null = per client address */
  granularity: string | number | null;
  engine: string | null;
}

export interface PlanDestination {
  address: string;
  /** the port given to IPVS (keepalived's corrections applied: DR/TUN take the service's, fwmark services none) */
  port: number;
  family: AddressFamily;
  forwarding: PlanForwarding;
  /** configured weight (real servers inherit the virtual server's) */
  weight: number;
  uThreshold: number;
  lThreshold: number;
  /** inhibit_on_failure: weight 0 instead of removal */
  inhibitOnFailure: boolean;
}

export interface PlanCheckerTiming {
  /** alpha: the checker starts as failed */
  alpha: boolean;
  retry: number;
  delayLoopMs: number;
  delayBeforeRetryMs: number;
  /** the first check comes 1 s + a random part of this after start */
  warmupMs: number;
  logAllFailures: boolean;
}

export interface PlanConnection {
  address: string;
  port: number;
  family: AddressFamily;
  bindAddress: string | null;
  bindPort: number | null;
  bindInterface: string | null;
  timeoutMs: number;
  fwmark: number | null;
}

export interface PlanUrl {
  path: string;
  /** MD5 of the body as keepalived's genhash computes it (lower-case hex), or none */
  digest: string | null;
  /** accepted status codes as inclusive ranges */
  statusCodes: [number, number][];
  virtualhost: string | null;
  regex: { pattern: string; noMatch: boolean; options: string[]; minOffset: number; maxOffset: number | null } | null;
}

export type PlanChecker =
  | (PlanCheckerTiming & { type: 'TCP_CHECK'; connection: PlanConnection })
  | (PlanCheckerTiming & {
      type: 'HTTP_GET' | 'SSL_GET';
      connection: PlanConnection;
      urls: PlanUrl[];
      /** the checker's virtualhost (a url's own comes first, then this, the real server's, the virtual server's) */
      virtualhost: string | null;
      protocol: '1.0' | '1.0C' | '1.1';
      enableSni: boolean;
      fastRecovery: boolean;
      tlsCompliant: boolean;
    })
  | (PlanCheckerTiming & {
      type: 'MISC_CHECK';
      command: PlanCommand;
      /** a run still going after this is killed and counts as failed */
      timeoutMs: number;
      /** misc_dynamic: exit status 2..255 sets the weight to status - 2 */
      dynamic: boolean;
    });

export interface PlanRealServer extends PlanDestination {
  /** as keepalived names it: [192.0.2.11]:tcp:80 */
  name: string;
  alpha: boolean;
  virtualhost: string | null;
  notifyUp?: PlanCommand;
  notifyDown?: PlanCommand;
  checkers: PlanChecker[];
  /** checkers in the config that kaconf run does not carry out (the server's health ignores them) */
  unsupported?: string[];
}

export interface PlanVirtualServer {
  /** as keepalived names it in logs: [10.0.0.1]:tcp:80, FWM 7, [group] */
  name: string;
  key: { address: string; port: number } | { fwmark: number } | { group: string };
  family: AddressFamily;
  protocol: IpvsProtocol | null;
  /** the IPVS services this virtual server stands for */
  services: PlanIpvsService[];
  scheduler: string;
  /** scheduler flags by ipvsadm's names (-b): sh-fallback, sh-port, mh-fallback, mh-port, flag-1..3 */
  schedFlags: string[];
  /** one-packet scheduling (UDP) */
  ops: boolean;
  persistence: PlanPersistence | null;
  forwarding: PlanForwarding;
  delayLoopMs: number;
  connectTimeoutMs: number;
  quorum: number;
  hysteresis: number;
  quorumUp?: PlanCommand;
  quorumDown?: PlanCommand;
  alpha: boolean;
  /** omega: notify_down and quorum_down also run when kaconf stops */
  omega: boolean;
  /** ha_suspend: checkers wait while the service address is not on this host */
  haSuspend: boolean;
  virtualhost: string | null;
  sorryServer: PlanDestination | null;
  realServers: PlanRealServer[];
  /** keywords kaconf run does not carry out yet */
  unsupported?: string[];
}
