// A deterministic simulator for the VRRP core: routers running fsm.ts instances on one
// simulated LAN, a fake clock (an event queue), a seeded PRNG for message loss, delay and
// corruption, partitions, crashes and restarts. Every advert goes through the real codec
// (packet.ts encode -> bytes -> decode -> validateAdvert), so the simulator also exercises the
// wire format. Same seed and same script, same run.
import { type AddressFamily, compareAddresses, VRRP_GROUP_IPV4, VRRP_GROUP_IPV6 } from './address.js';
import {
  type Effect,
  type Event,
  type InstanceConfigInput,
  type InstanceState,
  type TimerName,
  type VrrpState,
  initialState,
  instanceConfig,
  masterDownIntervalMs,
  step,
} from './fsm.js';
import { type RejectReason, advertIntervalMs, decode, encode, makeAdvert, validateAdvert } from './packet.js';

/** Seeded PRNG (mulberry32): uniform floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NetworkModel {
  /** Probability that one copy of an advert (one receiver) is lost. */
  lossRate: number;
  /** Delivery delay, uniform in [minDelayMs, maxDelayMs]. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Probability that one copy arrives with one byte changed (the decoder must refuse it). */
  corruptRate: number;
  /** Let later packets overtake earlier ones between the same two routers (a LAN keeps order). */
  reorder: boolean;
}

export const PERFECT_NETWORK: NetworkModel = { lossRate: 0, minDelayMs: 0, maxDelayMs: 0, corruptRate: 0, reorder: false };

export type InstanceSpec = Omit<InstanceConfigInput, 'name' | 'address'> & { name?: string; address?: string };

export interface RouterSpec {
  name: string;
  address: string;
  instances: InstanceSpec[];
}

export interface SimulationOptions {
  seed: number;
  routers: RouterSpec[];
  network?: Partial<NetworkModel>;
}

export interface Transition {
  at: number;
  router: string;
  vrid: number;
  from: VrrpState;
  to: VrrpState;
}

export interface EffectRecord {
  at: number;
  router: string;
  vrid: number;
  effect: Effect;
}

interface SimInstance {
  state: InstanceState;
  vipsHeld: boolean;
  timers: Map<TimerName, number>;
}

interface SimRouter {
  spec: RouterSpec;
  alive: boolean;
  instances: Map<number, SimInstance>;
}

type QueueItem =
  | { at: number; seq: number; kind: 'timer'; router: string; vrid: number; name: TimerName; token: number }
  | { at: number; seq: number; kind: 'deliver'; router: string; bytes: Buffer; src: string; dst: string; corrupted: boolean }
  | { at: number; seq: number; kind: 'action'; run: () => void };

/** Binary min-heap on (at, seq). */
class Queue {
  private readonly items: QueueItem[] = [];
  get size(): number {
    return this.items.length;
  }
  private less(a: QueueItem, b: QueueItem): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  push(item: QueueItem): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  peek(): QueueItem | undefined {
    return this.items[0];
  }
  pop(): QueueItem | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop() as QueueItem;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

export interface SimulationStats {
  sent: number;
  delivered: number;
  lost: number;
  corrupted: number;
  /** Packets refused by decode/validateAdvert, by reason. */
  rejected: Partial<Record<RejectReason, number>>;
  /** Corrupted packets that were nevertheless accepted (must stay 0). */
  corruptedAccepted: number;
}

export class Simulation {
  now = 0;
  readonly transitions: Transition[] = [];
  readonly effects: EffectRecord[] = [];
  /** Broken effect-stream rules (VIPs added twice, removed when not held, ...). Must stay empty. */
  readonly violations: string[] = [];
  readonly stats: SimulationStats = { sent: 0, delivered: 0, lost: 0, corrupted: 0, rejected: {}, corruptedAccepted: 0 };
  network: NetworkModel;
  /** Keep log effects in `effects` (off by default: they are many). */
  keepLogs = false;

  private readonly random: () => number;
  private readonly queue = new Queue();
  private readonly routers = new Map<string, SimRouter>();
  private seq = 0;
  private component = new Map<string, number>();
  /** Last delivery time per sender>receiver link, to keep links FIFO. */
  private readonly linkClock = new Map<string, number>();

  constructor(options: SimulationOptions) {
    this.random = prng(options.seed);
    this.network = { ...PERFECT_NETWORK, ...options.network };
    for (const spec of options.routers) {
      const r: SimRouter = { spec, alive: false, instances: new Map() };
      for (const i of spec.instances) r.instances.set(i.vrid, this.freshInstance(spec, i));
      this.routers.set(spec.name, r);
    }
  }

  private freshInstance(router: RouterSpec, i: InstanceSpec): SimInstance {
    const config = instanceConfig({ ...i, name: i.name ?? `${router.name}/${i.vrid}`, address: i.address ?? router.address });
    return { state: initialState(config), vipsHeld: false, timers: new Map() };
  }

  // ----- script --------------------------------------------------------------------------------

  /** Run `fn` at simulated time `at` (after everything already queued for that time). */
  at(at: number, fn: (sim: this) => void): void {
    this.queue.push({ at, seq: this.seq++, kind: 'action', run: () => fn(this) });
  }

  /** Start a router: every instance gets startup. */
  start(name: string): void {
    const r = this.router(name);
    if (r.alive) return;
    r.alive = true;
    for (const vrid of r.instances.keys()) this.apply(r, vrid, { type: 'startup' });
  }

  startAll(): void {
    for (const name of this.routers.keys()) this.start(name);
  }

  /** Graceful stop: shutdown (a master sends priority 0 and drops its VIPs). */
  stop(name: string): void {
    const r = this.router(name);
    if (!r.alive) return;
    for (const vrid of r.instances.keys()) this.apply(r, vrid, { type: 'shutdown' });
    r.alive = false;
  }

  /** Crash: the router goes silent at once; its VIPs vanish with it, its state is lost. */
  crash(name: string): void {
    const r = this.router(name);
    if (!r.alive) return;
    r.alive = false;
    for (const [vrid, inst] of r.instances) {
      const spec = r.spec.instances.find((i) => i.vrid === vrid) as InstanceSpec;
      const fresh = this.freshInstance(r.spec, spec);
      fresh.state = { ...fresh.state, faults: inst.state.faults, trackWeight: inst.state.trackWeight };
      if (inst.state.state !== fresh.state.state) this.transitions.push({ at: this.now, router: name, vrid, from: inst.state.state, to: 'INIT' });
      r.instances.set(vrid, fresh);
    }
  }

  /** Crash then start again later. */
  restart(name: string): void {
    this.crash(name);
    this.start(name);
  }

  /** Split the LAN: routers in different groups cannot hear each other; unlisted routers are isolated. */
  partition(groups: string[][]): void {
    this.component = new Map();
    groups.forEach((g, i) => g.forEach((n) => this.component.set(n, i)));
    let next = groups.length;
    for (const n of this.routers.keys()) if (!this.component.has(n)) this.component.set(n, next++);
  }

  heal(): void {
    this.component = new Map();
  }

  setNetwork(n: Partial<NetworkModel>): void {
    this.network = { ...this.network, ...n };
  }

  /** Raise or clear a fault on one instance (or all of a router's when vrid is omitted). */
  setFault(name: string, source: string, active: boolean, vrid?: number): void {
    const r = this.router(name);
    for (const v of r.instances.keys()) if (vrid === undefined || v === vrid) this.apply(r, v, { type: 'fault', source, active });
  }

  setTrackWeight(name: string, vrid: number, trackWeight: number): void {
    this.apply(this.router(name), vrid, { type: 'priority-change', trackWeight });
  }

  /** Deliver an arbitrary event to one instance (for scenarios the helpers above do not cover). */
  send(name: string, vrid: number, event: Event): void {
    this.apply(this.router(name), vrid, event);
  }

  runUntil(t: number): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.at > t) break;
      this.queue.pop();
      this.now = Math.max(this.now, next.at);
      this.dispatch(next);
    }
    this.now = Math.max(this.now, t);
  }

  runFor(ms: number): void {
    this.runUntil(this.now + ms);
  }

  // ----- observation ---------------------------------------------------------------------------

  names(): string[] {
    return [...this.routers.keys()];
  }

  isAlive(name: string): boolean {
    return this.router(name).alive;
  }

  instance(name: string, vrid: number): InstanceState {
    const inst = this.router(name).instances.get(vrid);
    if (!inst) throw new Error(`router ${name} has no VRID ${vrid}`);
    return inst.state;
  }

  stateOf(name: string, vrid: number): VrrpState {
    return this.instance(name, vrid).state;
  }

  /** Routers whose instance for a VRID is MASTER. */
  masters(vrid: number): string[] {
    return this.names().filter((n) => this.router(n).alive && this.router(n).instances.get(vrid)?.state.state === 'MASTER');
  }

  /** Routers holding a VRID's VIPs (add-vips without remove-vips since, and alive). */
  vipHolders(vrid: number): string[] {
    return this.names().filter((n) => this.router(n).alive && this.router(n).instances.get(vrid)?.vipsHeld);
  }

  /** Live, started, fault-free instances of a VRID (candidates for MASTER). */
  candidates(vrid: number): string[] {
    return this.names().filter((n) => {
      const r = this.router(n);
      const i = r.instances.get(vrid);
      return r.alive && i !== undefined && i.state.started && i.state.faults.length === 0;
    });
  }

  /**
   * Who may be master with preemption: the candidates with the highest effective priority.
   * Among equal priorities there is no preemption (a backup accepts an equal-priority master);
   * the address only breaks ties between routers that are master at the same time.
   */
  expectedMasters(vrid: number): string[] {
    const cands = this.candidates(vrid);
    const top = Math.max(...cands.map((n) => this.instance(n, vrid).effectivePriority));
    return cands.filter((n) => this.instance(n, vrid).effectivePriority === top);
  }

  /** The tie-break winner among expectedMasters: the highest primary address. */
  highestAddress(names: readonly string[], vrid: number): string | undefined {
    let best: string | undefined;
    for (const n of names) if (best === undefined || compareAddresses(this.instance(n, vrid).config.address, this.instance(best, vrid).config.address) > 0) best = n;
    return best;
  }

  /** Master_Down_Interval of an instance as configured (own priority, own interval). */
  masterDownInterval(name: string, vrid: number): number {
    const s = this.instance(name, vrid);
    return masterDownIntervalMs(s.config.version, s.effectivePriority, s.config.advertIntervalMs, s.config.downTimerAdverts);
  }

  /** Transitions into `to` for a VRID at or after a time. */
  transitionsSince(t: number, vrid: number, to?: VrrpState): Transition[] {
    return this.transitions.filter((x) => x.at >= t && x.vrid === vrid && (to === undefined || x.to === to));
  }

  // ----- machinery -----------------------------------------------------------------------------

  private router(name: string): SimRouter {
    const r = this.routers.get(name);
    if (!r) throw new Error(`no router ${name}`);
    return r;
  }

  private connected(a: string, b: string): boolean {
    if (this.component.size === 0) return true;
    return this.component.get(a) === this.component.get(b);
  }

  private apply(r: SimRouter, vrid: number, event: Event): void {
    const inst = r.instances.get(vrid);
    if (!inst) return;
    const before = inst.state.state;
    const res = step(inst.state, event, this.now);
    inst.state = res.state;
    if (res.state.state !== before) this.transitions.push({ at: this.now, router: r.spec.name, vrid, from: before, to: res.state.state });
    for (const e of res.effects) this.perform(r, vrid, inst, e);
  }

  private perform(r: SimRouter, vrid: number, inst: SimInstance, e: Effect): void {
    const name = r.spec.name;
    if (e.type !== 'log' || this.keepLogs) this.effects.push({ at: this.now, router: name, vrid, effect: e });
    switch (e.type) {
      case 'set-timer': {
        const token = this.seq++;
        inst.timers.set(e.name, token);
        this.queue.push({ at: Math.max(e.at, this.now), seq: token, kind: 'timer', router: name, vrid, name: e.name, token });
        return;
      }
      case 'cancel-timer':
        inst.timers.delete(e.name);
        return;
      case 'add-vips':
        if (inst.vipsHeld) this.violations.push(`${this.now}: ${name}/${vrid} add-vips while holding them`);
        inst.vipsHeld = true;
        return;
      case 'remove-vips':
        if (!inst.vipsHeld) this.violations.push(`${this.now}: ${name}/${vrid} remove-vips while not holding them`);
        inst.vipsHeld = false;
        return;
      case 'send-advert':
        this.broadcast(r, inst.state, e.priority);
        return;
      default:
        return;
    }
  }

  private broadcast(from: SimRouter, s: InstanceState, priority: number): void {
    const c = s.config;
    const dst = c.family === 'ipv4' ? VRRP_GROUP_IPV4 : VRRP_GROUP_IPV6;
    const advert = makeAdvert({ version: c.version, vrid: c.vrid, addresses: c.vips, advertIntervalMs: c.advertIntervalMs }, priority);
    const bytes = encode(advert, { family: c.family, srcAddress: c.address, dstAddress: dst });
    this.stats.sent++;
    for (const to of this.routers.values()) {
      if (to === from || !to.alive || !this.connected(from.spec.name, to.spec.name)) continue;
      if (this.random() < this.network.lossRate) {
        this.stats.lost++;
        continue;
      }
      const { minDelayMs: lo, maxDelayMs: hi } = this.network;
      let at = this.now + lo + (hi - lo) * this.random();
      const link = `${from.spec.name}>${to.spec.name}`;
      if (!this.network.reorder) {
        at = Math.max(at, this.linkClock.get(link) ?? 0);
        this.linkClock.set(link, at);
      }
      let copy = bytes;
      let corrupted = false;
      if (this.random() < this.network.corruptRate) {
        copy = Buffer.from(bytes);
        const at = Math.floor(this.random() * copy.length);
        copy[at] ^= 1 + Math.floor(this.random() * 255);
        corrupted = true;
        this.stats.corrupted++;
      }
      this.queue.push({ at, seq: this.seq++, kind: 'deliver', router: to.spec.name, bytes: copy, src: c.address, dst, corrupted });
    }
  }

  private dispatch(item: QueueItem): void {
    if (item.kind === 'action') {
      item.run();
      return;
    }
    const r = this.router(item.router);
    if (!r.alive) return;
    if (item.kind === 'timer') {
      const inst = r.instances.get(item.vrid);
      if (!inst || inst.timers.get(item.name) !== item.token) return; // cancelled or re-armed
      inst.timers.delete(item.name);
      this.apply(r, item.vrid, { type: 'timer', name: item.name });
      return;
    }
    this.receive(r, item);
  }

  private receive(r: SimRouter, item: Extract<QueueItem, { kind: 'deliver' }>): void {
    const reject = (reason: RejectReason): void => {
      this.stats.rejected[reason] = (this.stats.rejected[reason] ?? 0) + 1;
    };
    const family: AddressFamily = item.dst.includes(':') ? 'ipv6' : 'ipv4';
    const decoded = decode(item.bytes, { family, srcAddress: item.src, dstAddress: item.dst, ttl: 255 });
    if (!decoded.ok) {
      reject(decoded.reason);
      return;
    }
    const inst = r.instances.get(decoded.advert.vrid);
    if (!inst) {
      reject('vrid-mismatch');
      return;
    }
    const c = inst.state.config;
    const valid = validateAdvert(decoded.advert, { srcAddress: item.src, dstAddress: item.dst, ttl: 255 }, {
      vrid: c.vrid,
      version: c.version,
      family: c.family,
      vips: c.vips,
      advertIntervalMs: c.advertIntervalMs,
      unicast: c.unicast,
    });
    if (!valid.ok) {
      reject(valid.reason);
      return;
    }
    if (item.corrupted) this.stats.corruptedAccepted++;
    this.stats.delivered++;
    this.apply(r, c.vrid, {
      type: 'advert-received',
      priority: decoded.advert.priority,
      source: item.src,
      advertIntervalMs: advertIntervalMs(decoded.advert),
    });
  }
}

// ----- invariants --------------------------------------------------------------------------------

/** At most one MASTER and at most one VIP holder for a VRID, and they are the same router. */
export function checkSingleMaster(sim: Simulation, vrid: number): string | undefined {
  const masters = sim.masters(vrid);
  const holders = sim.vipHolders(vrid);
  if (masters.length > 1) return `t=${sim.now}: ${masters.length} masters for VRID ${vrid}: ${masters.join(', ')}`;
  if (holders.length > 1) return `t=${sim.now}: ${holders.length} VIP holders for VRID ${vrid}: ${holders.join(', ')}`;
  if (masters.join() !== holders.join()) return `t=${sim.now}: master ${masters.join()} but VIPs on ${holders.join()}`;
  return undefined;
}

/** Exactly one MASTER among the candidates when there is any candidate, and it holds the VIPs. */
export function checkConverged(sim: Simulation, vrid: number): string | undefined {
  const single = checkSingleMaster(sim, vrid);
  if (single) return single;
  const masters = sim.masters(vrid);
  if (sim.candidates(vrid).length > 0 && masters.length !== 1) return `t=${sim.now}: no master for VRID ${vrid}`;
  return undefined;
}

/** With preemption: exactly one master, and no candidate has a higher effective priority. */
export function checkPreemptWinner(sim: Simulation, vrid: number): string | undefined {
  const expected = sim.expectedMasters(vrid);
  const masters = sim.masters(vrid);
  if (expected.length === 0) return masters.length ? `t=${sim.now}: master ${masters.join()} without candidates` : undefined;
  if (masters.length !== 1 || !expected.includes(masters[0])) return `t=${sim.now}: master is ${masters.join() || 'none'}, expected one of ${expected.join(', ')}`;
  return undefined;
}
