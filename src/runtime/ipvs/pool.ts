/**
 * One virtual server's pool, as keepalived's checker process keeps it (check/ipwrapper.c and
 * the inhibit rewriting of ipvswrapper.c ipvs_cmd): which real servers are alive, which are in
 * the IPVS table and with what weight, the quorum (with hysteresis) and the sorry server.
 * Pure and synchronous: checker results and weight changes go in, effects come out (IPVS
 * commands in order, notify scripts, log lines). The daemon carries the effects out.
 */
import type { PlanCommand, PlanDestination, PlanRealServer, PlanVirtualServer } from '../../compile/plan.js';
import type { LogLevel } from '../drivers.js';
import { type IpvsCommand, type IpvsService, destPort } from './types.js';

export type PoolEffect =
  | { kind: 'ipvs'; command: IpvsCommand }
  | { kind: 'notify'; command: PlanCommand; what: string }
  | { kind: 'log'; level: LogLevel; message: string; fields: Record<string, unknown> };

/** A checker as the pool sees it (check_api.h checker_t: is_up, has_run) plus what status shows. */
export interface CheckerState {
  isUp: boolean;
  hasRun: boolean;
  /** misc_dynamic: this checker's part of the server's effective weight */
  curWeight: number;
  alpha: boolean;
  last: { at: string; ok: boolean; message: string } | null;
}

interface DestState {
  plan: PlanDestination;
  alive: boolean;
  /** in the IPVS table (keepalived's rs->set) */
  set: boolean;
  numFailed: number;
  /** configured weight plus misc_dynamic parts; IPVS gets it clamped to 0..2^31-1 */
  effectiveWeight: number;
  iweight: number;
  inhibit: boolean;
  /** the weight IPVS holds now (null: not in the table) */
  ipvsWeight: number | null;
}

export interface RealServerState extends DestState {
  plan: PlanRealServer;
  checkers: CheckerState[];
}

const WEIGHT_LIMIT = 2_147_483_647;
export const realWeight = (w: number): number => (w < 0 ? 0 : w > WEIGHT_LIMIT ? WEIGHT_LIMIT : w);

export interface RealServerStatus {
  name: string;
  address: string;
  port: number;
  alive: boolean;
  /** weight in the IPVS table now; null when the server is not in it */
  weight: number | null;
  configuredWeight: number;
  effectiveWeight: number;
  inhibitOnFailure: boolean;
  checkers: { type: string; target: string; up: boolean; hasRun: boolean; last: CheckerState['last'] }[];
}

export interface VirtualServerStatus {
  name: string;
  services: string[];
  scheduler: string;
  forwarding: string;
  quorum: number;
  hysteresis: number;
  quorumUp: boolean;
  /** live weight: the sum of the alive servers' weights (what quorum is compared with) */
  aliveWeight: number;
  sorryServer: { name: string; active: boolean; weight: number | null } | null;
  realServers: RealServerStatus[];
}

export class Pool {
  readonly rs: RealServerState[];
  readonly sorry: DestState | null;
  quorumUp = false;
  private out: PoolEffect[] = [];

  constructor(
    readonly vs: PlanVirtualServer,
    private readonly options: { rsInitNotifies?: boolean } = {},
  ) {
    this.rs = vs.realServers.map((p) => {
      const checkers = p.checkers.map((c): CheckerState => ({ isUp: true, hasRun: false, curWeight: 0, alpha: c.alpha, last: null }));
      const s: RealServerState = { plan: p, alive: false, set: false, numFailed: 0, effectiveWeight: p.weight, iweight: p.weight, inhibit: p.inhibitOnFailure, ipvsWeight: null, checkers };
      // alpha: the checker counts as failed until it first succeeds (check_data.c validate_check_config)
      for (const c of checkers) if (c.alpha) this.setCheckerState(s, c, false);
      return s;
    });
    this.sorry = vs.sorryServer
      ? { plan: vs.sorryServer, alive: false, set: false, numFailed: 0, effectiveWeight: 1, iweight: 1, inhibit: vs.sorryServer.inhibitOnFailure, ipvsWeight: null }
      : null;
  }

  /** IPVS services of this virtual server with their scheduling */
  services(): IpvsService[] {
    const v = this.vs;
    return v.services.map((s) => ({ ...s, scheduler: v.scheduler, schedFlags: v.schedFlags, ops: v.ops, persistence: v.persistence }));
  }

  // ----- keepalived's entry points ------------------------------------------------------------

  /** init_service_vs: the service, the servers that start alive, the quorum, an inhibited sorry server. */
  init(): PoolEffect[] {
    for (const service of this.services()) this.emit({ op: 'add-service', service });
    for (const rs of this.rs) {
      if ((!rs.numFailed && !rs.alive) || (rs.inhibit && !rs.set)) {
        this.ipvs('ADD', rs);
        if (!rs.numFailed) {
          rs.alive = true;
          if (this.options.rsInitNotifies) this.rsNotifies(rs);
        }
      }
    }
    this.updateQuorum(true);
    const s = this.sorry;
    if (s && s.inhibit && !s.set) {
      // added with weight 0, ready to be enabled
      s.numFailed = 1;
      this.ipvs('ADD', s);
      s.numFailed = 0;
    }
    return this.flush();
  }

  /** update_svr_checker_state: a checker's verdict (only called when it means something, as keepalived does). */
  checkerResult(rsIndex: number, checkerIndex: number, alive: boolean): PoolEffect[] {
    const rs = this.rs[rsIndex]!;
    const c = rs.checkers[checkerIndex]!;
    if (c.isUp === alive) {
      if (!c.hasRun) {
        if (c.alpha || !alive) this.rsNotifies(rs);
        c.hasRun = true;
      }
      return this.flush();
    }
    c.hasRun = true;
    if (alive) {
      if (rs.numFailed <= 1) this.performServerState(true, rs);
    } else if (rs.numFailed === 0) this.performServerState(false, rs);
    this.setCheckerState(rs, c, alive);
    return this.flush();
  }

  /** update_svr_wgt: a new effective weight (misc_dynamic). */
  setWeight(rsIndex: number, weight: number, updateQuorum = true): PoolEffect[] {
    const rs = this.rs[rsIndex]!;
    const next = realWeight(weight);
    const prev = realWeight(rs.effectiveWeight);
    rs.effectiveWeight = weight;
    if (next !== prev) {
      this.log('info', `Changing weight from ${prev} to ${next} for ${rs.alive ? '' : 'in'}active service ${rs.plan.name} of VS ${this.vs.name}`, { event: 'rs-weight', rs: rs.plan.name, weight: next });
      if (rs.set && rs.alive && (this.quorumUp || !this.sorry || !this.sorry.alive)) this.ipvs('EDIT', rs);
      if (updateQuorum) this.updateQuorum(false);
    }
    return this.flush();
  }

  /** Shutting down (clear_service_vs): the driver removes the table entries; omega runs the down notifiers. */
  stop(): PoolEffect[] {
    for (const rs of this.rs) {
      if (rs.set) this.log('info', `Shutting down ${rs.inhibit && !rs.alive ? '(inhibited) ' : ''}service ${rs.plan.name} from VS ${this.vs.name}`, { event: 'rs-stop', rs: rs.plan.name });
      if (rs.alive) {
        rs.alive = false;
        if (this.vs.omega) this.rsNotifies(rs);
      }
      rs.set = false;
      rs.ipvsWeight = null;
    }
    if (this.sorry) {
      this.sorry.alive = false;
      this.sorry.set = false;
      this.sorry.ipvsWeight = null;
    }
    this.quorumUp = false;
    if (this.vs.omega) this.vsNotifies();
    return this.flush();
  }

  // ----- ipwrapper.c ----------------------------------------------------------------------------

  private setCheckerState(rs: RealServerState, c: CheckerState, up: boolean): void {
    if (c.isUp === up) return;
    c.isUp = up;
    if (!up) rs.numFailed++;
    else if (rs.numFailed) rs.numFailed--;
  }

  private liveWeight(): number {
    return this.rs.reduce((sum, r) => (r.alive ? sum + realWeight(r.effectiveWeight) : sum), 0);
  }

  /** perform_svr_state: a server going up or down; nothing changes in IPVS while the sorry server stands in. */
  private performServerState(alive: boolean, rs: RealServerState): void {
    if (rs.alive === alive) return;
    const verb = alive ? (rs.inhibit ? 'Enabling' : 'Adding') : rs.inhibit ? 'Disabling' : 'Removing';
    this.log('info', `${verb} service ${rs.plan.name} ${rs.inhibit ? 'of' : alive ? 'to' : 'from'} VS ${this.vs.name}`, { event: alive ? 'rs-up' : 'rs-down', rs: rs.plan.name });
    if (this.quorumUp || !this.sorry || !this.sorry.alive) this.ipvs(alive ? 'ADD' : 'DEL', rs);
    rs.alive = alive;
    this.rsNotifies(rs);
    this.updateQuorum(false);
  }

  /** update_quorum_state: gained (sorry server out, alive servers back) or lost (alive servers out, sorry server in). */
  private updateQuorum(init: boolean): void {
    const v = this.vs;
    const sum = this.liveWeight();
    const threshold = v.quorum + (this.quorumUp ? -1 : 1) * v.hysteresis;
    if (!this.quorumUp && sum >= threshold) {
      this.quorumUp = true;
      this.log('info', `Gained quorum ${v.quorum}+${v.hysteresis}=${threshold} <= ${sum} for VS ${v.name}`, { event: 'quorum-up', weight: sum });
      const s = this.sorry;
      if (s && s.alive) {
        this.log('info', `${s.inhibit ? 'Disabling' : 'Removing'} sorry server ${this.destName(s)} from VS ${v.name}`, { event: 'sorry-out' });
        this.ipvs('DEL', s);
        s.alive = false;
        this.quorumServers(true);
      }
      this.vsNotifies();
      return;
    }
    const s = this.sorry;
    if ((this.quorumUp && (!sum || sum < threshold)) || (init && !this.quorumUp && s && !s.alive)) {
      this.quorumUp = false;
      this.log('info', `${init ? 'Starting with quorum down' : 'Lost quorum'} ${v.quorum}-${v.hysteresis}=${threshold} > ${sum} for VS ${v.name}`, { event: 'quorum-down', weight: sum });
      if (s && !s.alive) {
        this.log('info', `${s.inhibit ? 'Enabling' : 'Adding'} sorry server ${this.destName(s)} to VS ${v.name}`, { event: 'sorry-in' });
        this.quorumServers(false);
        this.ipvs('ADD', s);
        s.alive = true;
      }
      this.vsNotifies();
    }
  }

  /** perform_quorum_state: the alive servers into or out of the pool */
  private quorumServers(add: boolean): void {
    this.log('info', `${add ? 'Adding alive servers to' : 'Removing alive servers from'} the pool for VS ${this.vs.name}`, { event: add ? 'pool-add' : 'pool-remove' });
    for (const rs of this.rs) if (rs.alive) this.ipvs(add ? 'ADD' : 'DEL', rs);
  }

  /** ipvs_cmd with its inhibit rewriting: removal of an inhibited server is weight 0, its return an edit */
  private ipvs(cmd: 'ADD' | 'DEL' | 'EDIT', d: DestState): void {
    let weight = realWeight(d.effectiveWeight);
    let op = cmd;
    if (cmd === 'DEL' && d.inhibit) {
      weight = 0;
      op = 'EDIT';
    } else if (cmd === 'ADD' && d.inhibit && d.set) op = 'EDIT';
    else if (cmd === 'ADD' && !d.set) {
      d.set = true;
      if (d.inhibit && d.numFailed) weight = 0;
    } else if (cmd === 'DEL' && d.set) d.set = false;
    d.ipvsWeight = op === 'DEL' ? null : weight;
    for (const service of this.vs.services) {
      const dest = { address: d.plan.address, family: d.plan.family, port: destPort(service, d.plan.forwarding, d.plan.port) };
      if (op === 'DEL') this.emit({ op: 'del-dest', service, dest });
      else this.emit({ op: op === 'ADD' ? 'add-dest' : 'edit-dest', service, dest: { ...dest, forwarding: d.plan.forwarding, weight, uThreshold: d.plan.uThreshold, lThreshold: d.plan.lThreshold } });
    }
  }

  private rsNotifies(rs: RealServerState): void {
    const cmd = rs.alive ? rs.plan.notifyUp : rs.plan.notifyDown;
    if (cmd) this.out.push({ kind: 'notify', command: cmd, what: `${rs.alive ? 'notify_up' : 'notify_down'} ${rs.plan.name}` });
  }

  private vsNotifies(): void {
    const cmd = this.quorumUp ? this.vs.quorumUp : this.vs.quorumDown;
    if (cmd) this.out.push({ kind: 'notify', command: cmd, what: `${this.quorumUp ? 'quorum_up' : 'quorum_down'} ${this.vs.name}` });
  }

  private destName(d: DestState): string {
    return `[${d.plan.address}]:${(this.vs.protocol ?? 'none').toLowerCase()}:${d.plan.port}`;
  }

  private emit(command: IpvsCommand): void {
    this.out.push({ kind: 'ipvs', command });
  }

  private log(level: LogLevel, message: string, fields: Record<string, unknown>): void {
    this.out.push({ kind: 'log', level, message, fields: { vs: this.vs.name, ...fields } });
  }

  private flush(): PoolEffect[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  // ----- status -------------------------------------------------------------------------------

  status(targets: string[][]): VirtualServerStatus {
    const v = this.vs;
    const svc = v.services.map((s) => (s.fwmark !== null ? `FWM ${s.fwmark}${s.family === 'ipv6' ? ' IPv6' : ''}` : `${s.protocol} ${s.address?.includes(':') ? `[${s.address}]` : s.address}:${s.port}`));
    const fw = v.forwarding.method;
    return {
      name: v.name,
      services: svc,
      scheduler: v.scheduler,
      forwarding: fw,
      quorum: v.quorum,
      hysteresis: v.hysteresis,
      quorumUp: this.quorumUp,
      aliveWeight: this.liveWeight(),
      sorryServer: this.sorry ? { name: this.destName(this.sorry), active: this.sorry.alive, weight: this.sorry.ipvsWeight } : null,
      realServers: this.rs.map((r, i) => ({
        name: r.plan.name,
        address: r.plan.address,
        port: r.plan.port,
        alive: r.alive,
        weight: r.ipvsWeight,
        configuredWeight: r.plan.weight,
        effectiveWeight: r.effectiveWeight,
        inhibitOnFailure: r.inhibit,
        checkers: r.checkers.map((c, j) => ({ type: r.plan.checkers[j]!.type, target: targets[i]?.[j] ?? '', up: c.isUp, hasRun: c.hasRun, last: c.last })),
      })),
    };
  }
}
