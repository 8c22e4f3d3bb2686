/**
 * The imperative shell around the VRRP core: it feeds the pure state machines (vrrp/fsm.ts,
 * vrrp/sync-group.ts) with packets, timers, link and script events, and carries out their
 * effects through the drivers (drivers.ts). Everything that touches the host is a driver, so
 * this file runs unchanged against fakes in the tests.
 */
import type { Plan, PlanCommand, PlanInstance, PlanNotify, PlanScript, PlanVip } from '../compile/plan.js';
import { networkInterfaces } from 'node:os';
import type { Drivers, Endpoint, EndpointSpec, ReceivedPacket, TimerHandle, VipRecord } from './drivers.js';
import type { VirtualServerStatus } from './ipvs/pool.js';
import { recordingDriver } from './ipvs/record.js';
import { Lvs } from './lvs.js';
import { vetPlan } from './scripts/vet.js';
import { evaluate, scriptCounter, scriptResult, scriptUp, trackedBy, trackKey, type ScriptCounter, type Tracked } from './track.js';
import { canonicalAddress, isMulticast } from './vrrp/address.js';
import { type Effect, type Event, type InstanceState, type TimerName, type VrrpState, initialState, instanceConfig, step } from './vrrp/fsm.js';
import {
  type AdvertTemplate,
  type ChecksumMode,
  type ValidationConfig,
  AUTH_AH,
  AUTH_NONE,
  AUTH_PASS,
  advertIntervalMs,
  buildIpv4Datagram,
  decode,
  encode,
  makeAdvert,
  parseIpv4Datagram,
  validateAdvert,
} from './vrrp/packet.js';
import { type SyncGroup, createSyncGroup, startGroup, stepGroup, stopGroup } from './vrrp/sync-group.js';

export interface InstanceStatus {
  name: string;
  interface: string;
  vrid: number;
  version: 2 | 3;
  family: string;
  state: VrrpState;
  priority: number;
  effectivePriority: number;
  address: string | null;
  masterAddress: string | null;
  vipsHeld: boolean;
  /** VIPs a MASTER should hold but could not add (retried every advert interval) */
  vipsMissing: string[];
  advertsSent: number;
  advertsReceived: number;
  invalid: Record<string, number>;
  lastTransition: { from: VrrpState; to: VrrpState; at: string } | null;
  faults: string[];
  syncGroup: string | null;
}

export interface Status {
  pid: number;
  startedAt: string;
  plan: { file: string; sha256: string };
  instances: InstanceStatus[];
  syncGroups: { name: string; state: string; members: string[] }[];
  /** packets no instance could take (unknown VRID, not VRRP...) by interface and reason */
  unmatched: Record<string, Record<string, number>>;
  /** IPVS: the driver in use and the virtual servers (present when the plan has virtual servers) */
  ipvs?: { driver: 'ipvsadm' | 'record'; virtualServers: VirtualServerStatus[] };
}

interface Inst {
  plan: PlanInstance;
  /** the machine state of an instance outside a sync group (members live in their group) */
  fsm: InstanceState;
  address: string | null;
  socketKey: string;
  checksum: ChecksumMode;
  template: AdvertTemplate;
  validation: ValidationConfig;
  timers: Map<TimerName, TimerHandle>;
  /** VIP and GARP work, one run at a time (see kick) */
  chain: Promise<void>;
  /** whether the machine wants the VIPs on (MASTER) or off */
  wantVips: boolean;
  /** a run of the VIP/GARP work is queued on the chain and has not started */
  queued: boolean;
  /** the latest GARP burst asked for and not sent yet */
  garpWanted: { repeat: number; reason: string } | null;
  /** VIP changes that failed are tried again at the next advert interval */
  retry: TimerHandle | null;
  /** failures in a row (log lines are thinned out) */
  vipFailures: number;
  removeFailures: number;
  /** VIPs that could not be added (for status) */
  missing: Set<string>;
  /** VIPs found on the interface already when adding them (announced, never removed) */
  existing: Set<string>;
  added: Map<string, PlanVip>;
  tracked: Tracked[];
  sent: number;
  received: number;
  invalid: Record<string, number>;
  lastTransition: InstanceStatus['lastTransition'];
  ipId: number;
  running: boolean;
}

interface Socket {
  /** null while it cannot be opened (its interface is gone) */
  endpoint: Endpoint | null;
  spec: EndpointSpec;
  iface: string;
  family: 'ipv4' | 'ipv6';
  users: Set<string>;
  errors: number;
}

interface ScriptState {
  plan: PlanScript;
  counter: ScriptCounter;
  up: boolean;
  running: boolean;
  timer: TimerHandle | null;
}

export interface DaemonOptions {
  /** keepalived 2.3 accepts Ethernet padding after short IPv4 adverts */
  allowEthernetPadding?: boolean;
}

const vipKey = (v: Pick<PlanVip, 'dev' | 'address' | 'prefix'>): string => `${v.dev} ${canonicalAddress(v.address)}/${v.prefix}`;
const ENTERING = /^\([^)]*\) entering (MASTER|BACKUP|FAULT) state/i;

export class Daemon {
  private plan: Plan;
  private readonly instances = new Map<string, Inst>();
  private readonly groups = new Map<string, SyncGroup>();
  private readonly sockets = new Map<string, Socket>();
  private readonly scripts = new Map<string, ScriptState>();
  private readonly unmatched: Record<string, Record<string, number>> = {};
  private readonly startedAt: number;
  private stopping = false;
  private lvs: Lvs | null = null;
  /** VIPs that could not be removed (an earlier run's, or ours at a failed stop): kept in the state file */
  private leftovers: VipRecord[] = [];
  /** interfaces seen going down: their sockets are opened again when they come back (a re-created interface is a new one) */
  private readonly linksDown = new Set<string>();
  /** while instances are being created: interface addresses already read */
  private addressCache: Map<string, string | null> | null = null;

  constructor(
    plan: Plan,
    private readonly d: Drivers,
    private readonly options: DaemonOptions = {},
  ) {
    this.plan = plan;
    this.startedAt = d.clock.wall();
  }

  // ----- life cycle ------------------------------------------------------------------------

  async start(): Promise<void> {
    this.plan = this.vetted(this.plan);
    await this.removeStaleVips();
    this.d.links.start((iface, up) => this.onLink(iface, up));
    this.withAddressCache(() => {
      for (const p of Object.values(this.plan.instances)) this.createInstance(p);
    });
    await this.startScripts(Object.keys(this.plan.scripts));
    this.startInstances([...this.instances.keys()]);
    if (this.plan.ipvs) await this.startLvs();
  }

  private async startLvs(): Promise<void> {
    if (!this.plan.ipvs) return;
    let ipvs = this.d.ipvs;
    if (!ipvs) {
      this.warn('no IPVS driver given: the ipvsadm commands are only recorded in memory');
      ipvs = recordingDriver({ clock: this.d.clock });
    }
    this.lvs = new Lvs(this.plan.ipvs, {
      clock: this.d.clock,
      logger: this.d.logger,
      scripts: this.d.scripts,
      ipvs,
      ...(this.d.checks ? { checks: this.d.checks } : {}),
      ...(this.d.random ? { random: this.d.random } : {}),
      isLocalAddress: (a) => this.isLocalAddress(a),
    });
    await this.lvs.start();
  }

  /** ha_suspend: a service address is here when this daemon holds it as a VIP, or an interface has it */
  private isLocalAddress(address: string): boolean {
    const c = canonicalAddress(address);
    for (const inst of this.instances.values()) for (const v of inst.added.values()) if (canonicalAddress(v.address) === c) return true;
    return Object.values(networkInterfaces()).some((list) => (list ?? []).some((a) => canonicalAddress(a.address) === c));
  }

  /** the LVS side (tests wait on it) */
  get ipvs(): Lvs | null {
    return this.lvs;
  }

  /** priority 0 from every master, every VIP removed, everything closed */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.stopScripts([...this.scripts.keys()]);
    await this.stopInstances([...this.instances.keys()]);
    for (const s of this.sockets.values()) s.endpoint?.close();
    this.sockets.clear();
    this.d.links.stop();
    await this.lvs?.stop();
    await this.d.scripts.stop();
    this.saveState();
  }

  /** the plan with keepalived's script security applied (refused scripts removed, each logged) */
  private vetted(plan: Plan): Plan {
    const vet = this.d.scripts.vet?.bind(this.d.scripts);
    if (!vet) return plan;
    return vetPlan(plan, (cmd) => vet(cmd, plan.global, plan.keepalivedVersion), this.d.logger);
  }

  /** SIGHUP: a new plan; unchanged instances (and their sync groups) keep running untouched. */
  async reload(nextPlan: Plan): Promise<{ kept: string[]; restarted: string[]; removed: string[]; added: string[] }> {
    const prev = this.plan;
    const next = this.vetted(nextPlan);
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    const changedScripts = Object.keys(prev.scripts).filter((n) => !same(prev.scripts[n], next.scripts[n]));
    const kept: string[] = [];
    const restarted: string[] = [];
    const removed: string[] = [];
    const added: string[] = [];
    const touched = new Set<string>();
    for (const [name, inst] of this.instances) {
      const np = next.instances[name];
      const gPrev = inst.plan.syncGroup ? prev.syncGroups[inst.plan.syncGroup] : undefined;
      const gNext = np?.syncGroup ? next.syncGroups[np.syncGroup] : undefined;
      const usesChanged = inst.plan.track.scripts.some((t) => changedScripts.includes(t.name));
      if (!np) removed.push(name);
      else if (!same(inst.plan, np) || !same(gPrev, gNext) || usesChanged) restarted.push(name);
      else continue;
      touched.add(name);
    }
    // a sync group moves as one: touching a member touches all of them (old and new groups)
    for (const name of [...touched]) {
      for (const plan of [prev, next]) {
        const g = plan.instances[name]?.syncGroup;
        if (g) for (const m of plan.syncGroups[g]?.members ?? []) if (this.instances.has(m) && !touched.has(m)) {
          touched.add(m);
          if (next.instances[m]) restarted.push(m);
          else removed.push(m);
        }
      }
    }
    for (const name of this.instances.keys()) if (!touched.has(name)) kept.push(name);
    await this.stopInstances([...touched]);
    this.stopScripts(changedScripts.filter((n) => this.scripts.has(n)));
    for (const n of Object.keys(prev.scripts)) if (!(n in next.scripts)) this.stopScripts([n]);
    this.plan = next;
    const toStart = Object.keys(next.instances).filter((n) => !this.instances.has(n));
    for (const n of toStart) if (!restarted.includes(n)) added.push(n);
    this.withAddressCache(() => {
      for (const n of toStart) this.createInstance(next.instances[n]);
    });
    await this.startScripts(Object.keys(next.scripts).filter((n) => !this.scripts.has(n)));
    this.startInstances(toStart);
    this.closeUnusedSockets();
    if (this.lvs && next.ipvs) {
      const r = await this.lvs.reload(next.ipvs);
      this.info(`reloaded the virtual servers: ${r.kept.length} kept, ${r.restarted.length} restarted, ${r.added.length} added, ${r.removed.length} removed`);
    } else if (this.lvs) {
      await this.lvs.stop();
      this.lvs = null;
    } else if (next.ipvs) await this.startLvs();
    this.info(`reloaded ${next.source.file}: ${kept.length} kept, ${restarted.length} restarted, ${added.length} added, ${removed.length} removed`);
    return { kept, restarted, removed, added };
  }

  /**
   * Instances created together on one interface share one reading of its address (one `ip`
   * run per interface and family, not one per instance).
   */
  private withAddressCache(fn: () => void): void {
    this.addressCache = new Map();
    try {
      fn();
    } finally {
      this.addressCache = null;
    }
  }

  private primaryAddress(iface: string, family: 'ipv4' | 'ipv6'): string | null {
    const key = `${iface}/${family}`;
    const cached = this.addressCache?.get(key);
    if (cached !== undefined) return cached;
    const address = this.d.net.primaryAddress(iface, family);
    this.addressCache?.set(key, address);
    return address;
  }

  private createInstance(p: PlanInstance): void {
    const address = p.transport.srcAddress ?? this.primaryAddress(p.interface, p.family);
    const config = instanceConfig({
      name: p.name,
      vrid: p.vrid,
      version: p.version,
      family: p.family,
      priority: p.priority,
      advertIntervalMs: p.advertIntervalMs,
      initialState: p.initialState,
      nopreempt: !p.preempt,
      preemptDelayMs: p.preemptDelayMs,
      accept: p.accept,
      address: address ?? (p.family === 'ipv4' ? '0.0.0.0' : '::'),
      vips: p.vips.map((v) => v.address),
      unicast: p.transport.mode === 'unicast',
      garp: {
        masterDelayMs: p.garp.masterDelayMs,
        masterRepeat: p.garp.masterRepeat,
        masterRefreshMs: p.garp.masterRefreshMs,
        masterRefreshRepeat: p.garp.masterRefreshRepeat,
        lowerPrioDelayMs: p.garp.lowerPrioDelayMs,
        lowerPrioRepeat: p.garp.lowerPrioRepeat,
      },
      lowerPrioNoAdvert: p.lowerPrioNoAdvert,
      higherPrioSendAdvert: p.higherPrioSendAdvert,
      downTimerAdverts: p.downTimerAdverts,
      notifyPriorityChanges: p.notifyPriorityChanges,
      ...(p.syncGroup ? { syncGroup: p.syncGroup } : {}),
    });
    const authType = p.version === 2 ? (p.auth.type === 'PASS' ? AUTH_PASS : p.auth.type === 'AH' ? AUTH_AH : AUTH_NONE) : undefined;
    const authPass = p.auth.type === 'none' ? undefined : p.auth.password;
    const inst: Inst = {
      plan: p,
      fsm: initialState(config),
      address,
      socketKey: `${p.interface}/${p.family}`,
      checksum: p.checksum,
      template: { version: p.version, vrid: p.vrid, addresses: p.vips.map((v) => v.address), advertIntervalMs: p.advertIntervalMs, ...(authType !== undefined ? { authType } : {}), ...(authPass !== undefined ? { authPass } : {}) },
      validation: {
        vrid: p.vrid,
        version: p.version,
        family: p.family,
        vips: p.vips.map((v) => v.address),
        ...(authType !== undefined ? { authType } : {}),
        ...(authPass !== undefined ? { authPass } : {}),
        advertIntervalMs: p.advertIntervalMs,
        unicast: p.transport.mode === 'unicast',
        ...(p.transport.mode === 'unicast' ? { unicastPeers: p.transport.peers } : {}),
        checkUnicastSource: p.checkUnicastSource,
      },
      timers: new Map(),
      chain: Promise.resolve(),
      wantVips: false,
      queued: false,
      garpWanted: null,
      retry: null,
      vipFailures: 0,
      removeFailures: 0,
      missing: new Set(),
      existing: new Set(),
      added: new Map(),
      tracked: trackedBy(p),
      sent: 0,
      received: 0,
      invalid: {},
      lastTransition: null,
      ipId: 1,
      running: false,
    };
    this.instances.set(p.name, inst);
    for (const u of p.unsupported ?? []) this.warn(`(${p.name}) ${u} is not carried out by kaconf run yet; ignored`);
    if (!address) this.error(`(${p.name}) ${p.interface} has no ${p.family} address to send adverts from; the instance stays in FAULT`);
    this.openSocket(inst);
  }

  private openSocket(inst: Inst): void {
    const p = inst.plan;
    let s = this.sockets.get(inst.socketKey);
    const groups = p.transport.mode === 'multicast' ? [p.transport.group] : [];
    if (!s) {
      const spec: EndpointSpec = { iface: p.interface, family: p.family, groups, ...(p.family === 'ipv6' && inst.address ? { source: inst.address } : {}), hopLimit: 255 };
      const key = inst.socketKey;
      s = { endpoint: null, spec, iface: p.interface, family: p.family, users: new Set(), errors: 0 };
      this.sockets.set(key, s);
      try {
        s.endpoint = this.d.transport.open(spec, (pkt) => this.onPacket(key, pkt), (e) => this.socketError(key, e));
      } catch (e) {
        // opened again when the interface comes up
        this.error(`(${p.name}) cannot open a VRRP socket on ${p.interface}: ${(e as Error).message}; the instance stays in FAULT until it can`);
      }
    } else if (p.transport.mode === 'multicast' && !s.spec.groups.includes(p.transport.group)) {
      // another group on the same interface: join it too
      s.spec = { ...s.spec, groups: [...s.spec.groups, p.transport.group] };
      this.reopen(s, `joining ${p.transport.group}`);
    }
    s.users.add(p.name);
  }

  /** socket errors: the first of a kind and then every power of two, never a flood */
  private socketError(key: string, e: Error): void {
    const s = this.sockets.get(key);
    const n = s ? ++s.errors : 1;
    if ((n & (n - 1)) === 0) this.d.logger.log('error', `socket on ${s?.iface ?? key} (${s?.family ?? '?'}): ${e.message} (${n} so far)`, { event: 'socket-error', count: n });
  }

  /** close a socket and open it again with its spec; false (and logged) when it cannot be opened */
  private reopen(s: Socket, why: string): boolean {
    s.endpoint?.close();
    s.endpoint = null;
    const key = `${s.iface}/${s.family}`;
    try {
      s.endpoint = this.d.transport.open(s.spec, (pkt) => this.onPacket(key, pkt), (e) => this.socketError(key, e));
      s.errors = 0;
      this.info(`VRRP socket on ${s.iface} (${s.family}) opened again (${why})`);
      return true;
    } catch (e) {
      this.error(`cannot open the VRRP socket on ${s.iface} (${s.family}) again: ${(e as Error).message}; its instances stay in FAULT`);
      return false;
    }
  }

  private closeUnusedSockets(): void {
    for (const [key, s] of this.sockets) {
      for (const u of [...s.users]) if (!this.instances.has(u)) s.users.delete(u);
      if (s.users.size === 0) {
        s.endpoint?.close();
        this.sockets.delete(key);
      }
    }
  }

  /** Initial faults and weights, then startup (sync groups start together). */
  private startInstances(names: string[]): void {
    const now = this.d.clock.now();
    for (const name of names) {
      const inst = this.instances.get(name)!;
      const { faults, weight } = this.evaluateTracking(inst);
      const events: Event[] = faults.map((source) => ({ type: 'fault', source, active: true }));
      if (!inst.address) events.push({ type: 'fault', source: 'no address', active: true });
      if (!this.sockets.get(inst.socketKey)?.endpoint) events.push({ type: 'fault', source: 'no socket', active: true });
      if (weight) events.push({ type: 'priority-change', trackWeight: weight });
      for (const e of events) inst.fsm = step(inst.fsm, e, now).state;
      inst.running = true;
    }
    const groupNames = new Set(names.map((n) => this.instances.get(n)!.plan.syncGroup).filter((g): g is string => !!g && !!this.plan.syncGroups[g]));
    for (const name of names) {
      const inst = this.instances.get(name)!;
      if (inst.plan.syncGroup && groupNames.has(inst.plan.syncGroup)) continue;
      this.info(`(${name}) starting: VRID ${inst.plan.vrid}, VRRPv${inst.plan.version}, ${inst.plan.interface}, priority ${inst.fsm.effectivePriority}, ${inst.plan.transport.mode}`);
      this.runStandalone(inst, { type: 'startup' });
    }
    for (const g of groupNames) {
      const members = this.plan.syncGroups[g]!.members.filter((m) => this.instances.has(m));
      const group = createSyncGroup(g, members.map((m) => this.instances.get(m)!.fsm));
      this.info(`group ${g}: starting ${members.join(', ')}`);
      this.runGroup(g, group, (gr) => startGroup(gr, this.d.clock.now()));
    }
  }

  private async stopInstances(names: string[]): Promise<void> {
    const groupNames = new Set<string>();
    for (const name of names) {
      const inst = this.instances.get(name);
      if (!inst) continue;
      if (inst.plan.syncGroup && this.groups.has(inst.plan.syncGroup)) groupNames.add(inst.plan.syncGroup);
      else if (inst.running) this.runStandalone(inst, { type: 'shutdown' });
    }
    for (const g of groupNames) {
      this.runGroup(g, this.groups.get(g)!, (gr) => stopGroup(gr, this.d.clock.now()));
      this.groups.delete(g);
    }
    const chains: Promise<void>[] = [];
    for (const name of names) {
      const inst = this.instances.get(name);
      if (!inst) continue;
      inst.running = false;
      for (const t of inst.timers.values()) t.cancel();
      inst.timers.clear();
      inst.retry?.cancel();
      inst.retry = null;
      // whatever the machine thinks, no VIP of ours stays behind
      inst.wantVips = false;
      inst.garpWanted = null;
      this.kick(inst);
      chains.push(inst.chain);
    }
    await Promise.all(chains);
    for (const name of names) {
      const inst = this.instances.get(name);
      // what could not be removed stays in the state file, for the next run to remove
      if (inst) for (const v of inst.added.values()) this.leftovers.push({ instance: name, dev: v.dev, address: v.address, prefix: v.prefix, family: v.family });
      this.instances.delete(name);
    }
    this.saveState();
    this.closeUnusedSockets();
  }

  // ----- the machines ----------------------------------------------------------------------

  private stateOf(inst: Inst): InstanceState {
    const g = inst.plan.syncGroup ? this.groups.get(inst.plan.syncGroup) : undefined;
    return g?.members[inst.plan.name] ?? inst.fsm;
  }

  private dispatch(name: string, event: Event): void {
    const inst = this.instances.get(name);
    if (!inst || !inst.running) return;
    const g = inst.plan.syncGroup ? this.groups.get(inst.plan.syncGroup) : undefined;
    if (g) this.runGroup(inst.plan.syncGroup!, g, (gr) => stepGroup(gr, name, event, this.d.clock.now()));
    else this.runStandalone(inst, event);
  }

  private runStandalone(inst: Inst, event: Event): void {
    const before = inst.fsm.state;
    const r = step(inst.fsm, event, this.d.clock.now());
    inst.fsm = r.state;
    // the machine's own words first, then the state change, then what it does
    for (const e of r.effects) if (e.type === 'log') this.execute(inst, e);
    this.noteTransition(inst, before, r.state.state);
    for (const e of r.effects) if (e.type !== 'log') this.execute(inst, e);
  }

  private runGroup(name: string, g: SyncGroup, fn: (g: SyncGroup) => { group: SyncGroup; effects: { member: string | null; effect: Effect }[] }): void {
    const before = Object.fromEntries(g.order.map((m) => [m, g.members[m]!.state]));
    const r = fn(g);
    this.groups.set(name, r.group);
    for (const m of r.group.order) {
      const inst = this.instances.get(m);
      if (!inst) continue;
      inst.fsm = r.group.members[m]!;
      this.noteTransition(inst, before[m]!, inst.fsm.state);
    }
    for (const { member, effect } of r.effects) {
      if (member === null) this.groupEffect(name, r.group, effect);
      else {
        const inst = this.instances.get(member);
        if (inst) this.execute(inst, effect);
      }
    }
  }

  private noteTransition(inst: Inst, from: VrrpState, to: VrrpState): void {
    if (from === to) return;
    if (to === 'INIT') return; // stopped: the machine logs it
    inst.lastTransition = { from, to, at: new Date(this.d.clock.wall()).toISOString() };
    const init = from === 'INIT' ? ' (init)' : '';
    this.d.logger.log('info', `(${inst.plan.name}) Entering ${to} STATE${init}`, { instance: inst.plan.name, event: 'state', from, to });
  }

  private groupEffect(name: string, g: SyncGroup, e: Effect): void {
    if (e.type === 'log') this.d.logger.log(e.level === 'warning' ? 'warning' : 'info', e.message, { group: name });
    else if (e.type === 'run-notify') {
      this.d.logger.log('info', `group ${name}: ${e.state}`, { group: name, event: 'group-state', state: e.state });
      const n = this.plan.syncGroups[name]?.notify;
      if (n) this.notify(n, e.state, ['GROUP', name, e.state, '0']);
    }
    void g;
  }

  private notify(n: PlanNotify, state: string, args: string[]): void {
    const specific = state === 'MASTER' ? n.master : state === 'BACKUP' ? n.backup : state === 'FAULT' ? n.fault : state === 'STOP' ? n.stop : undefined;
    if (specific) this.d.scripts.notify(specific, []);
    if (n.any) this.d.scripts.notify(n.any, args);
  }

  private execute(inst: Inst, e: Effect): void {
    const name = inst.plan.name;
    switch (e.type) {
      case 'send-advert':
        this.sendAdvert(inst, e.priority);
        return;
      case 'add-vips':
        inst.wantVips = true;
        this.kick(inst);
        return;
      case 'remove-vips':
        inst.wantVips = false;
        this.kick(inst);
        return;
      case 'send-garp':
        inst.garpWanted = { repeat: e.repeat, reason: e.reason };
        this.kick(inst);
        return;
      case 'run-notify':
        this.notify(inst.plan.notify, e.state, ['INSTANCE', name, e.state, String(this.stateOf(inst).effectivePriority)]);
        return;
      case 'notify-event':
        if (e.event === 'master-rx-lower-pri' && inst.plan.notify.masterRxLowerPri) this.d.scripts.notify(inst.plan.notify.masterRxLowerPri, []);
        if (e.event === 'priority-change') this.info(`(${name}) effective priority now ${e.priority}`);
        return;
      case 'set-timer': {
        inst.timers.get(e.name)?.cancel();
        const timer = e.name;
        inst.timers.set(
          timer,
          this.d.clock.at(e.at, () => {
            inst.timers.delete(timer);
            this.dispatch(name, { type: 'timer', name: timer });
          }),
        );
        return;
      }
      case 'cancel-timer':
        inst.timers.get(e.name)?.cancel();
        inst.timers.delete(e.name);
        return;
      case 'log':
        if (ENTERING.test(e.message)) return; // noteTransition says it the keepalived way
        this.d.logger.log(e.level === 'warning' ? 'warning' : 'info', e.message, { instance: name });
        return;
      case 'sync-request':
        return; // sync-group.ts acts on it
    }
  }

  // ----- adverts ---------------------------------------------------------------------------

  private sendAdvert(inst: Inst, priority: number): void {
    const p = inst.plan;
    const s = this.sockets.get(inst.socketKey);
    if (!s?.endpoint || !inst.address) return;
    const advert = makeAdvert(inst.template, priority);
    const dsts = p.transport.mode === 'unicast' ? p.transport.peers.map((x) => x.address) : [p.transport.group];
    const ttl = p.transport.mode === 'unicast' ? p.transport.ttl : 255;
    for (const dst of dsts) {
      try {
        const payload = encode(advert, { family: p.family, srcAddress: inst.address, dstAddress: dst, checksum: inst.checksum });
        const data = p.family === 'ipv4' ? buildIpv4Datagram(payload, { srcAddress: inst.address, dstAddress: dst, ttl, id: (inst.ipId = (inst.ipId % 0xffff) + 1) }) : payload;
        s.endpoint!.send(data, dst);
        inst.sent++;
      } catch (e) {
        this.error(`(${p.name}) sending an advert to ${dst} failed: ${(e as Error).message}`);
      }
    }
  }

  private onPacket(key: string, pkt: ReceivedPacket): void {
    const s = this.sockets.get(key);
    if (!s) return;
    try {
      this.receive(s, pkt);
    } catch (e) {
      // a packet must never take the daemon down
      this.count(undefined, s.iface, 'internal-error');
      this.error(`packet on ${s.iface} caused an internal error: ${(e as Error).message}`);
    }
  }

  private receive(s: Socket, pkt: ReceivedPacket): void {
    let payload: Buffer;
    let src = pkt.source;
    let dst: string | undefined;
    let ttl: number | undefined;
    let envelopeError: string | undefined;
    if (pkt.family === 'ipv4') {
      const parsed = parseIpv4Datagram(pkt.data, { allowEthernetPadding: this.options.allowEthernetPadding ?? true });
      if (!parsed.ok) {
        envelopeError = parsed.reason;
        const ihl = pkt.data.length > 0 ? (pkt.data[0]! & 0x0f) * 4 : 0;
        payload = pkt.data.subarray(Math.min(ihl, pkt.data.length));
        if (pkt.data.length >= 20) src = `${pkt.data[12]}.${pkt.data[13]}.${pkt.data[14]}.${pkt.data[15]}`;
      } else {
        payload = parsed.payload;
        src = parsed.header.srcAddress;
        dst = parsed.header.dstAddress;
        ttl = parsed.header.ttl;
      }
    } else payload = pkt.data;

    const vrid = payload.length >= 2 ? payload[1] : undefined;
    const inst = vrid === undefined ? undefined : this.instanceFor(s, vrid);
    if (!inst) {
      this.count(undefined, s.iface, envelopeError ?? (vrid === undefined ? 'too-short' : 'unknown-vrid'), src);
      return;
    }
    if (envelopeError) return this.reject(inst, envelopeError, src);
    const p = inst.plan;
    const group = p.transport.mode === 'multicast' ? p.transport.group : undefined;
    const dstAddress = dst ?? (p.transport.mode === 'unicast' ? (inst.address ?? '::') : group!);
    const decoded = decode(payload, {
      family: p.family,
      srcAddress: src,
      dstAddress,
      ...(ttl !== undefined ? { ttl } : {}),
      checksum: inst.checksum,
      ...(group && p.family === 'ipv4' ? { multicastGroup4: group } : {}),
      // IPv6 raw sockets have the kernel verify the checksum (IPV6_CHECKSUM)
      verifyChecksum: p.family === 'ipv4',
    });
    if (!decoded.ok) return this.reject(inst, decoded.reason, src);
    const advert = decoded.advert;
    const state = this.stateOf(inst);
    const skipAddressCheck = p.skipCheckAdvAddr && state.masterAddress !== null && canonicalAddress(state.masterAddress) === canonicalAddress(src);
    const valid = validateAdvert(advert, { srcAddress: src, dstAddress, ...(ttl !== undefined ? { ttl } : {}) }, { ...inst.validation, skipAddressCheck });
    if (!valid.ok) return this.reject(inst, valid.reason, src);
    if (inst.address && canonicalAddress(src) === canonicalAddress(inst.address)) return this.reject(inst, 'own-address', src);
    if (advert.priority === 255 && !this.ownsAddress(p, src)) return this.reject(inst, 'false-owner', src);
    if (decoded.advert.checksumVariant === 'old-unicast' && inst.checksum === 'auto') {
      inst.checksum = 'old-unicast';
      this.info(`(${p.name}) ${src} uses the pre-1.3.6 unicast checksum; sending it that way from now on`);
    }
    if (dst !== undefined && p.transport.mode === 'multicast' && isMulticast(dst) && canonicalAddress(dst) !== canonicalAddress(p.transport.group)) {
      return this.reject(inst, 'wrong-group', src);
    }
    inst.received++;
    this.dispatch(p.name, { type: 'advert-received', priority: advert.priority, source: src, advertIntervalMs: advertIntervalMs(advert) });
  }

  /** The running instance of a socket with this VRID (every advert received asks: no garbage made). */
  private instanceFor(s: Socket, vrid: number): Inst | undefined {
    for (const name of s.users) {
      const i = this.instances.get(name);
      if (i !== undefined && i.running && i.plan.vrid === vrid) return i;
    }
    return undefined;
  }

  /** A priority-255 advert must come from the router that owns the addresses (RFC 3768 3; keepalived does not check). */
  private ownsAddress(p: PlanInstance, src: string): boolean {
    const c = canonicalAddress(src);
    return [...p.vips, ...p.excludedVips].some((v) => canonicalAddress(v.address) === c);
  }

  private reject(inst: Inst, reason: string, src: string): void {
    this.count(inst, inst.plan.interface, reason, src);
  }

  private count(inst: Inst | undefined, iface: string, reason: string, src?: string): void {
    const table = inst ? inst.invalid : (this.unmatched[iface] ??= {});
    const n = (table[reason] = (table[reason] ?? 0) + 1);
    // the first of a kind and then every power of two: visible, never a flood
    if ((n & (n - 1)) === 0) {
      const who = inst ? `(${inst.plan.name}) ` : '';
      this.d.logger.log('warning', `${who}dropped a packet from ${src ?? '?'} on ${iface}: ${reason} (${n} so far)`, {
        ...(inst ? { instance: inst.plan.name } : {}),
        event: 'invalid-packet',
        reason,
        source: src ?? null,
        count: n,
      });
    }
  }

  // ----- VIPs and GARP ---------------------------------------------------------------------

  /**
   * Ask for the VIP/GARP work to run. The machine's effects only set what is wanted (VIPs on
   * or off, a GARP burst); one run at a time brings the host there. However fast the state
   * flaps and however slow iproute2 is, at most one run waits on the chain.
   */
  private kick(inst: Inst): void {
    if (inst.queued) return;
    inst.queued = true;
    inst.chain = inst.chain
      .then(() => this.work(inst))
      .catch((e: unknown) => this.error(`(${inst.plan.name}) internal error in the address work: ${(e as Error).message}`));
  }

  private async work(inst: Inst): Promise<void> {
    inst.queued = false;
    // until the host matches what the machine wants now (it may change while iproute2 works)
    for (;;) {
      const want = inst.wantVips && inst.running;
      if (want) await this.addVips(inst);
      else await this.removeAll(inst);
      if (want === (inst.wantVips && inst.running)) break;
    }
    const g = inst.garpWanted;
    if (!g || !inst.wantVips || !inst.running) return;
    inst.garpWanted = null;
    await this.garp(inst, g.repeat, g.reason);
  }

  /** a failed VIP change is tried again one advert interval later */
  private scheduleRetry(inst: Inst): void {
    if (inst.retry || !inst.running) return;
    inst.retry = this.d.clock.at(this.d.clock.now() + inst.plan.advertIntervalMs, () => {
      inst.retry = null;
      if (inst.running) this.kick(inst);
    });
  }

  private async addVips(inst: Inst): Promise<void> {
    const name = inst.plan.name;
    let addedNow = 0;
    const failed: string[] = [];
    for (const vip of inst.plan.vips) {
      const key = vipKey(vip);
      if (inst.added.has(key)) continue;
      // the machine may have left MASTER while iproute2 was busy: stop adding
      if (!inst.wantVips || !inst.running) return;
      const cidr = `${vip.address}/${vip.prefix}`;
      try {
        await this.d.net.addAddress(vip);
        inst.added.set(key, vip);
        inst.missing.delete(cidr);
        addedNow++;
        this.saveState();
      } catch (e) {
        const msg = (e as Error).message;
        if (/exists/i.test(msg)) {
          inst.missing.delete(cidr);
          inst.existing.add(key);
          this.info(`(${name}) ${cidr} is already on ${vip.dev}; left as it is`);
        } else {
          inst.missing.add(cidr);
          failed.push(`${cidr} on ${vip.dev}: ${msg}`);
        }
      }
    }
    if (failed.length) {
      const n = ++inst.vipFailures;
      // the first failure and then every power of two: visible, never a flood
      if ((n & (n - 1)) === 0) {
        this.d.logger.log('error', `(${name}) MASTER without its virtual address${failed.length > 1 ? 'es' : ''}: adding ${failed.join('; ')} failed; trying again every ${inst.plan.advertIntervalMs / 1000} s (attempt ${n})`, {
          instance: name,
          event: 'vip-add-failed',
          attempt: n,
        });
      }
      this.scheduleRetry(inst);
      return;
    }
    const all = inst.plan.vips.map((v) => `${v.address}/${v.prefix}`).join(' ');
    if (addedNow) this.d.logger.log('info', `(${name}) virtual addresses set: ${all}${inst.vipFailures ? ` (after ${inst.vipFailures + 1} attempts)` : ''}`, { instance: name, event: 'vips-added' });
    if (inst.vipFailures > 0) {
      inst.vipFailures = 0;
      // the burst on becoming master went out without them: announce them now
      inst.garpWanted ??= { repeat: inst.plan.garp.masterRepeat, reason: 'master' };
    }
  }

  private async removeAll(inst: Inst): Promise<void> {
    inst.missing.clear();
    inst.existing.clear();
    inst.vipFailures = 0;
    if (inst.added.size === 0) {
      inst.removeFailures = 0;
      return;
    }
    const name = inst.plan.name;
    const failed: string[] = [];
    for (const [key, vip] of [...inst.added]) {
      try {
        await this.d.net.removeAddress(vip);
        inst.added.delete(key);
      } catch (e) {
        const msg = (e as Error).message;
        // already gone (or its interface is): nothing left to remove
        if (/cannot assign|not found|no such|cannot find device|does not exist/i.test(msg)) inst.added.delete(key);
        else failed.push(`${vip.address}/${vip.prefix} from ${vip.dev}: ${msg}`);
      }
    }
    this.saveState();
    if (failed.length) {
      const n = ++inst.removeFailures;
      // thinned out as the add failures are; the last attempt (at stop) is always said
      if ((n & (n - 1)) === 0 || !inst.running) {
        this.d.logger.log('error', `(${name}) removing ${failed.join('; ')} failed${inst.running ? `; trying again every ${inst.plan.advertIntervalMs / 1000} s (attempt ${n})` : '; left in the state file for the next run'}`, {
          instance: name,
          event: 'vip-remove-failed',
          attempt: n,
        });
      }
      this.scheduleRetry(inst);
      return;
    }
    inst.removeFailures = 0;
    this.d.logger.log('info', `(${name}) virtual addresses removed`, { instance: name, event: 'vips-removed' });
  }

  private async garp(inst: Inst, repeat: number, reason: string): Promise<void> {
    if (repeat <= 0) return;
    const master = (): boolean => inst.running && this.stateOf(inst).state === 'MASTER';
    if (!master() || reason === 'source-address') return;
    // the addresses on the interface (added, or there already), not those that could not be added
    const vips = inst.plan.vips.filter((v) => inst.added.has(vipKey(v)) || inst.existing.has(vipKey(v)));
    if (!vips.length) return;
    this.d.logger.log('info', `(${inst.plan.name}) sending ${repeat} gratuitous ARP/NA per address on ${inst.plan.interface} (${reason})`, { instance: inst.plan.name, event: 'garp', reason });
    for (let r = 0; r < repeat; r++) {
      for (const vip of vips) {
        // a burst ends as soon as the instance is no longer master
        if (!master()) return;
        try {
          await this.d.net.announce(vip);
        } catch (e) {
          this.warn(`(${inst.plan.name}) announcing ${vip.address} failed: ${(e as Error).message}`);
        }
        if (inst.plan.garp.intervalMs > 0) await this.sleep(inst.plan.garp.intervalMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.d.clock.at(this.d.clock.now() + ms, resolve));
  }

  private records(): VipRecord[] {
    const out: VipRecord[] = [];
    for (const inst of this.instances.values()) {
      for (const v of inst.added.values()) out.push({ instance: inst.plan.name, dev: v.dev, address: v.address, prefix: v.prefix, family: v.family });
    }
    for (const r of this.leftovers) if (!out.some((o) => vipKey(o) === vipKey(r))) out.push(r);
    return out;
  }

  private saveState(): void {
    try {
      this.d.state.save(this.records());
    } catch (e) {
      this.error(`cannot write the state file: ${(e as Error).message}`);
    }
  }

  /**
   * VIPs an earlier run added and never removed (it was killed): remove them first. When the
   * state file cannot be read, keepalived's own rule stands in: the plan's VIPs found on their
   * interfaces are removed (keepalived removes its VIPs when it starts).
   */
  private async removeStaleVips(): Promise<void> {
    let stale: VipRecord[];
    try {
      stale = this.d.state.load();
    } catch (e) {
      this.error(`the state file cannot be read (${(e as Error).message}): which VIPs an earlier run left is unknown; removing this plan's VIPs found on their interfaces instead`);
      stale = Object.values(this.plan.instances).flatMap((i) => i.vips.map((v) => ({ instance: i.name, dev: v.dev, address: v.address, prefix: v.prefix, family: v.family })));
    }
    const byDev = new Map<string, string[] | null>();
    for (const r of stale) {
      if (!byDev.has(r.dev)) byDev.set(r.dev, await this.d.net.addresses(r.dev).catch(() => null));
      const present = byDev.get(r.dev);
      // when the interface's addresses cannot be listed, try the removal anyway
      if (present && !present.map((a) => vipKey({ dev: r.dev, address: a.split('/')[0]!, prefix: Number(a.split('/')[1]) })).includes(vipKey(r))) continue;
      try {
        await this.d.net.removeAddress({ address: r.address, prefix: r.prefix, dev: r.dev, family: r.family });
        this.info(`removed ${r.address}/${r.prefix} from ${r.dev}, left by an earlier run (${r.instance})`);
      } catch (e) {
        const msg = (e as Error).message;
        if (/cannot assign|not found|no such|cannot find device|does not exist/i.test(msg)) continue;
        this.error(`could not remove ${r.address}/${r.prefix} from ${r.dev}, left by an earlier run (${r.instance}): ${msg}; kept in the state file`);
        this.leftovers.push(r);
      }
    }
    this.saveState();
  }

  // ----- tracking --------------------------------------------------------------------------

  private evaluateTracking(inst: Inst): { faults: string[]; weight: number } {
    return evaluate(
      inst.tracked,
      (t) => (t.kind === 'interface' ? this.d.links.isUp(t.name) : (this.scripts.get(t.name)?.up ?? false)),
      inst.plan.effectivePriority.owner,
    );
  }

  /** Feed the machine what changed in its tracked objects. */
  private retrack(inst: Inst): void {
    if (!inst.running) return;
    const { faults, weight } = this.evaluateTracking(inst);
    const st = this.stateOf(inst);
    const trackFaults = st.faults.filter((f) => f.startsWith('interface ') || f.startsWith('script '));
    for (const f of faults) if (!trackFaults.includes(f)) this.dispatch(inst.plan.name, { type: 'fault', source: f, active: true });
    for (const f of trackFaults) if (!faults.includes(f)) this.dispatch(inst.plan.name, { type: 'fault', source: f, active: false });
    if (weight !== this.stateOf(inst).trackWeight) this.dispatch(inst.plan.name, { type: 'priority-change', trackWeight: weight });
  }

  private onLink(iface: string, up: boolean): void {
    this.info(`${iface} is ${up ? 'up' : 'down'}`);
    if (!up) this.linksDown.add(iface);
    else if (this.linksDown.delete(iface) || [...this.sockets.values()].some((s) => s.iface === iface && !s.endpoint)) this.relink(iface);
    for (const inst of this.instances.values()) if (inst.tracked.some((t) => t.kind === 'interface' && t.name === iface)) this.retrack(inst);
  }

  /**
   * An interface back after being down may be a new one (deleted and created again): its
   * sockets are opened again (a socket stays bound to the old interface and its multicast
   * memberships went with it), and the address adverts go out from is read again.
   */
  private relink(iface: string): void {
    for (const inst of this.instances.values()) {
      const p = inst.plan;
      if (p.interface !== iface || p.transport.srcAddress) continue;
      const address = this.d.net.primaryAddress(iface, p.family);
      if (address === inst.address) continue;
      if (address) {
        this.info(`(${p.name}) adverts now go out from ${address}, the ${p.family} address ${iface} has now${inst.address ? ` (was ${inst.address})` : ''}`);
        inst.address = address;
        this.dispatch(p.name, { type: 'fault', source: 'no address', active: false });
      } else if (inst.address) this.warn(`(${p.name}) ${iface} came back without a ${p.family} address; adverts still go out from ${inst.address}`);
    }
    for (const s of this.sockets.values()) {
      if (s.iface !== iface) continue;
      if (s.family === 'ipv6') {
        const source = [...s.users].map((u) => this.instances.get(u)?.address).find((a): a is string => !!a);
        if (source) s.spec = { ...s.spec, source };
      }
      const ok = this.reopen(s, `${iface} came back`);
      for (const u of s.users) this.dispatch(u, { type: 'fault', source: 'no socket', active: !ok });
    }
  }

  private async startScripts(names: string[]): Promise<void> {
    const used = new Set<string>();
    for (const i of Object.values(this.plan.instances)) for (const t of i.track.scripts) used.add(t.name);
    const first: Promise<void>[] = [];
    for (const name of names) {
      if (!used.has(name) || this.scripts.has(name)) continue;
      const plan = this.plan.scripts[name]!;
      const counter = scriptCounter(plan);
      const s: ScriptState = { plan, counter, up: scriptUp(counter, plan), running: false, timer: null };
      this.scripts.set(name, s);
      // the first run decides the start state, as in keepalived (bounded by the timeout)
      first.push(this.runScript(name, s, false));
    }
    await Promise.all(first);
  }

  private stopScripts(names: string[]): void {
    for (const n of names) {
      const s = this.scripts.get(n);
      s?.timer?.cancel();
      this.scripts.delete(n);
    }
  }

  private async runScript(name: string, s: ScriptState, notify = true): Promise<void> {
    if (s.running) return;
    s.running = true;
    const r = await this.d.scripts.check(s.plan.command, s.plan.timeoutMs);
    s.running = false;
    if (this.scripts.get(name) !== s) return; // stopped or replaced meanwhile
    const { counter, changed } = scriptResult(s.counter, s.plan, r.ok);
    s.counter = counter;
    const up = scriptUp(counter, s.plan);
    if (changed || up !== s.up) {
      s.up = up;
      const err = r.stderr?.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200);
      const how = r.ok ? 'succeeded' : r.timedOut ? 'timed out' : r.error ? `failed (${r.error})` : r.signal ? `failed (signal ${r.signal})` : `failed (exit status ${r.code}${err ? `: ${err}` : ''})`;
      this.d.logger.log('info', `VRRP_Script(${name}) ${how}: now ${up ? 'up' : 'down'}`, { script: name, event: 'script', up });
      if (notify) for (const inst of this.instances.values()) if (inst.tracked.some((t) => t.kind === 'script' && t.name === name)) this.retrack(inst);
    }
    if (!this.stopping) s.timer = this.d.clock.at(this.d.clock.now() + s.plan.intervalMs, () => void this.runScript(name, s));
  }

  // ----- status ------------------------------------------------------------------------------

  status(pid: number): Status {
    const instances: InstanceStatus[] = [...this.instances.values()].map((inst) => {
      const st = this.stateOf(inst);
      return {
        name: inst.plan.name,
        interface: inst.plan.interface,
        vrid: inst.plan.vrid,
        version: inst.plan.version,
        family: inst.plan.family,
        state: st.state,
        priority: inst.plan.priority,
        effectivePriority: st.effectivePriority,
        address: inst.address,
        masterAddress: st.state === 'MASTER' ? inst.address : st.masterAddress,
        vipsHeld: inst.added.size > 0,
        vipsMissing: [...inst.missing],
        advertsSent: inst.sent,
        advertsReceived: inst.received,
        invalid: { ...inst.invalid },
        lastTransition: inst.lastTransition,
        faults: [...st.faults],
        syncGroup: inst.plan.syncGroup,
      };
    });
    return {
      pid,
      startedAt: new Date(this.startedAt).toISOString(),
      plan: { file: this.plan.source.file, sha256: this.plan.source.sha256 },
      instances,
      syncGroups: [...this.groups.values()].map((g) => ({ name: g.name, state: g.state, members: [...g.order] })),
      unmatched: JSON.parse(JSON.stringify(this.unmatched)) as Status['unmatched'],
      ...(this.lvs ? { ipvs: { driver: this.lvs.driver.kind, virtualServers: this.lvs.status() } } : {}),
    };
  }

  /** what the daemon runs (for --dry-run and tests) */
  get currentPlan(): Plan {
    return this.plan;
  }

  private info(m: string): void {
    this.d.logger.log('info', m);
  }
  private warn(m: string): void {
    this.d.logger.log('warning', m);
  }
  private error(m: string): void {
    this.d.logger.log('error', m);
  }
}

export type { PlanCommand };
