/**
 * The compiled plan: everything `kaconf run` needs to run keepalived's VRRP part on one host,
 * with every default applied and every reference resolved. Times are milliseconds.
 * Its JSON shape is schemas/plan.schema.json (validated on write and on load).
 */
import type { AddressFamily } from '../runtime/vrrp/address.js';

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
  garp: {
    masterDelayMs: number;
    masterRepeat: number;
    masterRefreshMs: number;
    masterRefreshRepeat: number;
    lowerPrioDelayMs: number;
    lowerPrioRepeat: number;
    intervalMs: number;
  };
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
