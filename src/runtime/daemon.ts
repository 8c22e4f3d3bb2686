/**
 * The imperative shell around the VRRP core: it feeds the pure state machines (vrrp/fsm.ts,
 * vrrp/sync-group.ts) with packets, timers, link and script events, and carries out their
 * effects through the drivers (drivers.ts). Everything that touches the host is a driver, so
 * this file runs unchanged against fakes in the tests.
 */
import type { Plan, PlanCommand, PlanInstance, PlanNotify, PlanScript, PlanVip } from '../compile/plan.js';
import { networkInterfaces } from 'node:os';
import type { Drivers, Endpoint, ReceivedPacket, TimerHandle, VipRecord } from './drivers.js';
import type { VirtualServerStatus } from './ipvs/pool.js';
import { recordingDriver } from './ipvs/record.js';
import { Lvs } from './lvs.js';
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
  /** VIP and GARP work, in order */
  chain: Promise<void>;
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
  endpoint: Endpoint;
  iface: string;
  family: 'ipv4' | 'ipv6';
  users: Set<string>;
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
    await this.removeStaleVips();
    this.d.links.start((iface, up) => this.onLink(iface, up));
    for (const p of Object.values(this.plan.instances)) this.createInstance(p);
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
    for (const s of this.sockets.values()) s.endpoint.close();
    this.sockets.clear();
    this.d.links.stop();
    await this.lvs?.stop();
    this.d.scripts.stop();
    this.saveState();
  }

  /** SIGHUP: a new plan; unchanged instances (and their sync groups) keep running untouched. */
  async reload(next: Plan): Promise<{ kept: string[]; restarted: string[]; removed: string[]; added: string[] }> {
    const prev = this.plan;
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
    for (const n of toStart) this.createInstance(next.instances[n]);
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

  private createInstance(p: PlanInstance): void {
    const address = p.transport.srcAddress ?? this.d.net.primaryAddress(p.interface, p.family);
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
      try {
        const endpoint = this.d.transport.open(
          { iface: p.interface, family: p.family, groups, ...(p.family === 'ipv6' && inst.address ? { source: inst.address } : {}), hopLimit: 255 },
          (pkt) => this.onPacket(inst.socketKey, pkt),
          (e) => this.error(`socket on ${p.interface} (${p.family}): ${e.message}`),
        );
        s = { endpoint, iface: p.interface, family: p.family, users: new Set() };
        this.sockets.set(inst.socketKey, s);
      } catch (e) {
        this.error(`(${p.name}) cannot open a VRRP socket on ${p.interface}: ${(e as Error).message}; the instance stays in FAULT`);
        return;
      }
    }
    s.users.add(p.name);
  }

  private closeUnusedSockets(): void {
    for (const [key, s] of this.sockets) {
      for (const u of [...s.users]) if (!this.instances.has(u)) s.users.delete(u);
      if (s.users.size === 0) {
        s.endpoint.close();
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
      if (!this.sockets.get(inst.socketKey)?.users.has(name)) events.push({ type: 'fault', source: 'no socket', active: true });
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
      // whatever the machine thinks, no VIP of ours stays behind
      inst.chain = inst.chain.then(() => this.removeAll(inst));
      chains.push(inst.chain);
    }
    await Promise.all(chains);
    for (const name of names) this.instances.delete(name);
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
        inst.chain = inst.chain.then(() => this.addVips(inst));
        return;
      case 'remove-vips':
        inst.chain = inst.chain.then(() => this.removeAll(inst));
        return;
      case 'send-garp':
        inst.chain = inst.chain.then(() => this.garp(inst, e.repeat, e.reason));
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
    if (!s || !inst.address) return;
    const advert = makeAdvert(inst.template, priority);
    const dsts = p.transport.mode === 'unicast' ? p.transport.peers.map((x) => x.address) : [p.transport.group];
    const ttl = p.transport.mode === 'unicast' ? p.transport.ttl : 255;
    for (const dst of dsts) {
      try {
        const payload = encode(advert, { family: p.family, srcAddress: inst.address, dstAddress: dst, checksum: inst.checksum });
        const data = p.family === 'ipv4' ? buildIpv4Datagram(payload, { srcAddress: inst.address, dstAddress: dst, ttl, id: (inst.ipId = (inst.ipId % 0xffff) + 1) }) : payload;
        s.endpoint.send(data, dst);
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
    const inst = [...s.users].map((n) => this.instances.get(n)).find((i): i is Inst => !!i && i.running && i.plan.vrid === vrid);
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

  private async addVips(inst: Inst): Promise<void> {
    for (const vip of inst.plan.vips) {
      const key = vipKey(vip);
      if (inst.added.has(key)) continue;
      try {
        await this.d.net.addAddress(vip);
        inst.added.set(key, vip);
        this.saveState();
      } catch (e) {
        const msg = (e as Error).message;
        if (/exists/i.test(msg)) this.info(`(${inst.plan.name}) ${vip.address}/${vip.prefix} is already on ${vip.dev}; left as it is`);
        else this.error(`(${inst.plan.name}) adding ${vip.address}/${vip.prefix} to ${vip.dev} failed: ${msg}`);
      }
    }
    this.d.logger.log('info', `(${inst.plan.name}) virtual addresses set: ${inst.plan.vips.map((v) => `${v.address}/${v.prefix}`).join(' ')}`, { instance: inst.plan.name, event: 'vips-added' });
  }

  private async removeAll(inst: Inst): Promise<void> {
    if (inst.added.size === 0) return;
    for (const [key, vip] of [...inst.added]) {
      try {
        await this.d.net.removeAddress(vip);
      } catch (e) {
        const msg = (e as Error).message;
        if (!/cannot assign|not found|no such/i.test(msg)) this.error(`(${inst.plan.name}) removing ${vip.address}/${vip.prefix} from ${vip.dev} failed: ${msg}`);
      }
      inst.added.delete(key);
    }
    this.saveState();
    this.d.logger.log('info', `(${inst.plan.name}) virtual addresses removed`, { instance: inst.plan.name, event: 'vips-removed' });
  }

  private async garp(inst: Inst, repeat: number, reason: string): Promise<void> {
    if (repeat <= 0 || !inst.running && reason !== 'master') return;
    const st = this.stateOf(inst);
    if (st.state !== 'MASTER' && reason !== 'source-address') return;
    const vips = reason === 'source-address' ? [] : inst.plan.vips;
    if (!vips.length) return;
    this.d.logger.log('info', `(${inst.plan.name}) sending ${repeat} gratuitous ARP/NA per address on ${inst.plan.interface} (${reason})`, { instance: inst.plan.name, event: 'garp', reason });
    for (let r = 0; r < repeat; r++) {
      for (const vip of vips) {
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
    return out;
  }

  private saveState(): void {
    try {
      this.d.state.save(this.records());
    } catch (e) {
      this.error(`cannot write the state file: ${(e as Error).message}`);
    }
  }

  /** VIPs an earlier run added and never removed (it was killed): remove them first. */
  private async removeStaleVips(): Promise<void> {
    let stale: VipRecord[];
    try {
      stale = this.d.state.load();
    } catch (e) {
      this.warn(`cannot read the state file: ${(e as Error).message}`);
      return;
    }
    const byDev = new Map<string, string[]>();
    for (const r of stale) {
      if (!byDev.has(r.dev)) byDev.set(r.dev, await this.d.net.addresses(r.dev).catch(() => []));
      const present = byDev.get(r.dev)!.map((a) => vipKey({ dev: r.dev, address: a.split('/')[0]!, prefix: Number(a.split('/')[1]) }));
      if (!present.includes(vipKey(r))) continue;
      try {
        await this.d.net.removeAddress({ address: r.address, prefix: r.prefix, dev: r.dev, family: r.family });
        this.info(`removed ${r.address}/${r.prefix} from ${r.dev}, left by an earlier run (${r.instance})`);
      } catch (e) {
        this.warn(`could not remove stale ${r.address}/${r.prefix} from ${r.dev}: ${(e as Error).message}`);
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
    for (const inst of this.instances.values()) if (inst.tracked.some((t) => t.kind === 'interface' && t.name === iface)) this.retrack(inst);
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
      const how = r.ok ? 'succeeded' : r.timedOut ? 'timed out' : r.error ? `failed (${r.error})` : r.signal ? `failed (signal ${r.signal})` : `failed (exit status ${r.code})`;
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
