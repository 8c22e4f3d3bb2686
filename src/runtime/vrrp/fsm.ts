// The VRRP state machine of one instance as a pure function:
//   step(state, event, now) -> { state, effects }
// No I/O and no timers of its own: timers are effects (set-timer / cancel-timer with an
// absolute deadline in ms) and come back as { type: 'timer', name } events. The imperative
// shell (sockets, VIPs, GARP, scripts, clock) carries the effects out.
//
// It follows RFC 5798 section 6 (and RFC 3768 for version 2 timing) and, where keepalived's
// observable behaviour differs, keepalived 2.2.7 (vrrp.c, vrrp_scheduler.c, vrrp_track.c).
// Every such choice is listed in docs/research/vrrp-runtime.md.
import { compareAddresses } from './address.js';
import type { AddressFamily } from './address.js';

export type VrrpState = 'INIT' | 'BACKUP' | 'MASTER' | 'FAULT';
export type WantState = 'BACKUP' | 'MASTER' | 'FAULT';
export type TimerName = 'adver' | 'master-down' | 'garp' | 'garp-refresh' | 'lower-prio-garp';

export const PRIORITY_OWNER = 255;
export const PRIORITY_STOP = 0;

export interface GarpConfig {
  /** garp_master_delay: second burst this long after becoming master (0 = none). Default 5 s. */
  masterDelayMs: number;
  /** garp_master_repeat: GARPs/NAs per VIP in each burst. Default 5. */
  masterRepeat: number;
  /** garp_master_refresh: periodic burst while master (0 = none). Default 0. */
  masterRefreshMs: number;
  /** garp_master_refresh_repeat. Default 1. */
  masterRefreshRepeat: number;
  /** garp_lower_prio_delay: second burst after a lower-priority advert. Default = masterDelayMs. */
  lowerPrioDelayMs: number;
  /** garp_lower_prio_repeat: burst when a lower-priority advert arrives (0 = none). Default = masterRepeat. */
  lowerPrioRepeat: number;
}

export interface InstanceConfig {
  name: string;
  vrid: number;
  version: 2 | 3;
  family: AddressFamily;
  /** Configured priority (base_priority), 1..255; 255 = address owner. */
  priority: number;
  /** advert_int in ms (version 2: whole seconds; version 3: centiseconds, at most 40950). */
  advertIntervalMs: number;
  /** `state MASTER|BACKUP`; keepalived derives MASTER from priority 255 when unset. */
  initialState: 'MASTER' | 'BACKUP';
  nopreempt: boolean;
  preemptDelayMs: number;
  /** accept / no_accept; the owner always accepts. */
  accept: boolean;
  /** Our primary address (the advert source), compared on equal priorities. */
  address: string;
  /** VIPs carried in adverts (for the shell; the FSM only adds/removes them as a set). */
  vips: readonly string[];
  unicast: boolean;
  garp: GarpConfig;
  /** lower_prio_no_advert: a master does not answer a lower-priority advert. Default false (true in strict mode). */
  lowerPrioNoAdvert: boolean;
  /** higher_prio_send_advert: a master answers a higher-priority advert before yielding. Default false. */
  higherPrioSendAdvert: boolean;
  /** down_timer_adverts: adverts missed before the master is declared down. Default 3. */
  downTimerAdverts: number;
  /** notify_priority_changes: emit a notify-event on effective priority changes. */
  notifyPriorityChanges: boolean;
  /** Name of the vrrp_sync_group this instance belongs to; transitions to MASTER and out of FAULT are then gated by sync-group.ts. */
  syncGroup?: string;
}

export const DEFAULT_GARP: GarpConfig = {
  masterDelayMs: 5000,
  masterRepeat: 5,
  masterRefreshMs: 0,
  masterRefreshRepeat: 1,
  lowerPrioDelayMs: 5000,
  lowerPrioRepeat: 5,
};

/** What instanceConfig needs: name, VRID and address; everything else defaults. */
export type InstanceConfigInput = Omit<Partial<InstanceConfig>, 'garp'> & Pick<InstanceConfig, 'name' | 'vrid' | 'address'> & { garp?: Partial<GarpConfig> };

/** An instance configuration with keepalived's defaults for everything not given. */
export function instanceConfig(given: InstanceConfigInput): InstanceConfig {
  // keys present but undefined mean "default", like absent ones
  const c = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as typeof given;
  const priority = c.priority ?? (c.initialState === 'MASTER' ? PRIORITY_OWNER : 100);
  const family = c.family ?? (c.address.includes(':') ? 'ipv6' : 'ipv4');
  return {
    version: family === 'ipv6' ? 3 : 2,
    family,
    advertIntervalMs: 1000,
    initialState: priority === PRIORITY_OWNER ? 'MASTER' : 'BACKUP',
    nopreempt: false,
    preemptDelayMs: 0,
    accept: true,
    vips: [],
    unicast: false,
    lowerPrioNoAdvert: false,
    higherPrioSendAdvert: false,
    downTimerAdverts: 3,
    notifyPriorityChanges: false,
    ...c,
    priority,
    garp: { ...DEFAULT_GARP, ...c.garp },
  };
}

/**
 * keepalived's start-up corrections that change behaviour (vrrp_complete_instance): no
 * nopreempt for the owner or with initial state MASTER, no preempt_delay with initial state
 * MASTER or nopreempt, version 2 intervals whole seconds below 256 s, version 3 intervals whole
 * centiseconds up to 40.95 s. Returns the corrected config and one message per correction.
 */
export function normalizeConfig(c: InstanceConfig): { config: InstanceConfig; warnings: string[] } {
  const warnings: string[] = [];
  const out: InstanceConfig = { ...c, garp: { ...c.garp } };
  if (out.priority === PRIORITY_OWNER && out.nopreempt) {
    warnings.push('nopreempt does not apply to the address owner (priority 255); cleared');
    out.nopreempt = false;
  }
  if (out.initialState === 'MASTER') {
    if (out.nopreempt) warnings.push('nopreempt does not work with initial state MASTER; cleared');
    if (out.preemptDelayMs) warnings.push('preempt_delay does not work with initial state MASTER; cleared');
    out.nopreempt = false;
    out.preemptDelayMs = 0;
  }
  if (out.preemptDelayMs && out.nopreempt) {
    warnings.push('preempt_delay is meaningless with nopreempt; cleared');
    out.preemptDelayMs = 0;
  }
  if (out.version === 2) {
    if (out.advertIntervalMs >= 256_000) {
      warnings.push('VRRPv2 advert_int must be below 256 s; set to 255 s');
      out.advertIntervalMs = 255_000;
    } else if (out.advertIntervalMs % 1000) {
      warnings.push('VRRPv2 advert_int must be whole seconds; rounded');
      out.advertIntervalMs = Math.max(1000, Math.round(out.advertIntervalMs / 1000) * 1000);
    }
  } else {
    const cs = Math.min(0x0fff, Math.max(1, Math.round(out.advertIntervalMs / 10)));
    if (cs * 10 !== out.advertIntervalMs) {
      warnings.push('VRRPv3 advert_int must be whole centiseconds between 0.01 and 40.95 s; adjusted');
      out.advertIntervalMs = cs * 10;
    }
  }
  return { config: out, warnings };
}

export interface InstanceState {
  readonly config: InstanceConfig;
  state: VrrpState;
  /** keepalived's wantstate: where the instance would be ignoring its sync group. */
  wantState: WantState;
  /** Set by startup, cleared by shutdown. */
  started: boolean;
  /** Configured priority; drops to 254 when another owner (255) is seen. */
  basePriority: number;
  /** Sum of the current track weights (track_script, track_interface, ... weights). */
  trackWeight: number;
  /** Priority advertised and compared: base + weights clamped to 1..254; the owner keeps 255. */
  effectivePriority: number;
  /** Version 3 backups adopt the master's interval; version 2 always uses its own. */
  masterAdverIntervalMs: number;
  /** keepalived's ms_down_timer: the last down-timer length set (needed to shift it on priority changes). */
  downTimerMs: number;
  /** Last master heard (for status), and its priority. */
  masterAddress: string | null;
  masterPriority: number | null;
  /** preempt_delay: lower-priority adverts are accepted until this time (null = not started). */
  preemptAt: number | null;
  /** Active fault sources (interfaces down, scripts failed, ...); FAULT while non-empty. */
  faults: readonly string[];
  /** Whether the VIPs are installed (add-vips emitted, no remove-vips since). */
  vipsSet: boolean;
  /** Armed timers and their deadlines (ms); a timer event for another deadline is stale. */
  timers: Readonly<Partial<Record<TimerName, number>>>;
}

export type NotifyState = 'MASTER' | 'BACKUP' | 'FAULT' | 'STOP';

export type Effect =
  | { type: 'send-advert'; priority: number }
  | { type: 'add-vips'; accept: boolean }
  | { type: 'remove-vips' }
  | { type: 'send-garp'; repeat: number; reason: 'master' | 'master-delayed' | 'refresh' | 'lower-priority' | 'lower-priority-delayed' | 'source-address' }
  | { type: 'run-notify'; state: NotifyState }
  | { type: 'notify-event'; event: 'master-rx-lower-pri' | 'priority-change'; priority: number }
  /** Arm (or re-arm: replaces any pending one of that name) a timer at an absolute time. */
  | { type: 'set-timer'; name: TimerName; at: number }
  | { type: 'cancel-timer'; name: TimerName }
  | { type: 'log'; level: 'info' | 'warning'; message: string }
  /** Sync-group members only: the instance wants MASTER (down timer expired) or to leave FAULT. */
  | { type: 'sync-request'; want: 'MASTER' | 'BACKUP' };

export interface AdvertEvent {
  type: 'advert-received';
  /** Already decoded and validated (packet.ts). */
  priority: number;
  source: string;
  advertIntervalMs: number;
}

export type Event =
  /** groupState: the sync group's state at start-up (sync-group.ts fills it). */
  | { type: 'startup'; groupState?: WantState }
  | { type: 'shutdown' }
  | AdvertEvent
  | { type: 'timer'; name: TimerName }
  | { type: 'interface-down' }
  | { type: 'interface-up' }
  /** A named fault source (track_interface without weight, track_script without weight, ...). */
  | { type: 'fault'; source: string; active: boolean }
  /** Current sum of track weights; the effective priority follows. */
  | { type: 'priority-change'; trackWeight: number }
  /** Sync group orders (sync-group.ts). */
  | { type: 'sync-goto'; state: WantState }
  /** A sync-group sibling that is master heard a lower-priority advert: repeat our GARPs too. */
  | { type: 'sibling-lower-priority' };

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
}

// ---------------------------------------------------------------------------------------------
// Timing (RFC 5798 6.1 / RFC 3768 6.1, computed as keepalived does, in microseconds, floored)

/** Skew_Time in ms for a priority: v3 ((256-p) * Master_Adver_Interval)/256, v2 (256-p)/256 s. */
export function skewTimeMs(version: 2 | 3, priority: number, masterAdverIntervalMs: number): number {
  const p = 256 - priority;
  if (version === 3) return Math.floor((p * Math.round(masterAdverIntervalMs / 10) * 10_000) / 256) / 1000;
  return Math.floor((p * 1_000_000) / 256) / 1000;
}

/** Master_Down_Interval in ms: downTimerAdverts (3) * Master_Adver_Interval + Skew_Time. */
export function masterDownIntervalMs(version: 2 | 3, priority: number, masterAdverIntervalMs: number, downTimerAdverts = 3): number {
  return downTimerAdverts * masterAdverIntervalMs + skewTimeMs(version, priority, masterAdverIntervalMs);
}

const skewOf = (s: InstanceState, priority = s.effectivePriority): number => skewTimeMs(s.config.version, priority, s.masterAdverIntervalMs);
const downOf = (s: InstanceState): number => s.config.downTimerAdverts * s.masterAdverIntervalMs + skewOf(s);

// ---------------------------------------------------------------------------------------------

/** The state of a configured instance before start-up. */
export function initialState(config: InstanceConfig): InstanceState {
  return {
    config,
    state: 'INIT',
    wantState: config.initialState,
    started: false,
    basePriority: config.priority,
    trackWeight: 0,
    effectivePriority: config.priority,
    masterAdverIntervalMs: config.advertIntervalMs,
    downTimerMs: 0,
    masterAddress: null,
    masterPriority: null,
    preemptAt: null,
    faults: [],
    vipsSet: false,
    timers: {},
  };
}

/** A running step: a mutable copy of the state plus the effects emitted so far. */
class Step {
  readonly s: InstanceState;
  readonly effects: Effect[] = [];
  constructor(
    prev: InstanceState,
    readonly now: number,
  ) {
    this.s = { ...prev, timers: { ...prev.timers } };
  }
  emit(e: Effect): void {
    this.effects.push(e);
  }
  log(message: string, level: 'info' | 'warning' = 'info'): void {
    this.emit({ type: 'log', level, message: `(${this.s.config.name}) ${message}` });
  }
  setTimer(name: TimerName, after: number): void {
    const at = this.now + after;
    (this.s.timers as Partial<Record<TimerName, number>>)[name] = at;
    this.emit({ type: 'set-timer', name, at });
  }
  cancelTimer(name: TimerName): void {
    const timers = this.s.timers as Partial<Record<TimerName, number>>;
    if (timers[name] === undefined) return;
    delete timers[name];
    this.emit({ type: 'cancel-timer', name });
  }
  cancelAllTimers(): void {
    for (const name of Object.keys(this.s.timers) as TimerName[]) this.cancelTimer(name);
  }
  /** Arm the master-down timer for a length (keepalived: ms_down_timer + vrrp_init_instance_sands). */
  armDown(length: number): void {
    this.s.downTimerMs = length;
    this.setTimer('master-down', length);
  }
  result(): StepResult {
    return { state: this.s, effects: this.effects };
  }
}

/** One event applied at time `now` (ms, any monotonic origin). Pure: the input state is not modified. */
export function step(state: InstanceState, event: Event, now: number): StepResult {
  const t = new Step(state, now);
  switch (event.type) {
    case 'startup':
      onStartup(t, event.groupState);
      break;
    case 'shutdown':
      onShutdown(t);
      break;
    case 'advert-received':
      if (t.s.state === 'MASTER') onMasterAdvert(t, event);
      else if (t.s.state === 'BACKUP') onBackupAdvert(t, event);
      // INIT and FAULT ignore adverts (keepalived's read dispatcher drops them).
      break;
    case 'timer':
      onTimer(t, event.name);
      break;
    case 'interface-down':
      onFault(t, 'interface', true);
      break;
    case 'interface-up':
      onFault(t, 'interface', false);
      break;
    case 'fault':
      onFault(t, event.source, event.active);
      break;
    case 'priority-change':
      onPriorityChange(t, event.trackWeight);
      break;
    case 'sync-goto':
      onSyncGoto(t, event.state);
      break;
    case 'sibling-lower-priority':
      if (t.s.state === 'MASTER') lowerPriorityGarp(t);
      break;
  }
  return t.result();
}

/** Run several events at the same time, concatenating effects. */
export function stepAll(state: InstanceState, events: readonly Event[], now: number): StepResult {
  let s = state;
  const effects: Effect[] = [];
  for (const e of events) {
    const r = step(s, e, now);
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}

// ---------------------------------------------------------------------------------------------
// Transitions

function onStartup(t: Step, groupState: WantState | undefined): void {
  const s = t.s;
  if (s.started) {
    t.log('startup ignored: already running', 'warning');
    return;
  }
  s.started = true;
  s.masterAdverIntervalMs = s.config.advertIntervalMs;
  const up = s.faults.length === 0;
  const target = groupState ?? s.wantState;
  if (up && target === 'MASTER' && s.basePriority === PRIORITY_OWNER && s.wantState === 'MASTER') {
    // RFC 5798 6.4.1: the owner goes straight to MASTER (keepalived: a 1 us BACKUP timeout).
    becomeMaster(t);
    return;
  }
  if (up && target !== 'FAULT') {
    s.state = 'BACKUP';
    t.log('entering BACKUP state (init)');
    t.emit({ type: 'run-notify', state: 'BACKUP' });
    // A sync-group member that wants MASTER while its group does not waits one interval plus
    // the smallest skew; everyone else waits Master_Down_Interval.
    t.armDown(target === 'BACKUP' && s.wantState === 'MASTER' ? s.masterAdverIntervalMs + skewOf(s, 255) : downOf(s));
    return;
  }
  s.state = 'FAULT';
  t.log('entering FAULT state (init)');
  // keepalived only notifies FAULT at start-up when the instance itself is faulty.
  if (!up) t.emit({ type: 'run-notify', state: 'FAULT' });
}

function onShutdown(t: Step): void {
  const s = t.s;
  if (!s.started) return;
  if (s.state === 'MASTER') {
    // RFC 5798 6.4.3: a master that stops sends priority 0 so a backup takes over after Skew_Time.
    t.emit({ type: 'send-advert', priority: PRIORITY_STOP });
    releaseVips(t);
  }
  t.cancelAllTimers();
  // Back to the configured start: a later startup behaves like a fresh one.
  const fresh = initialState(s.config);
  Object.assign(s, { ...fresh, faults: s.faults, trackWeight: s.trackWeight, timers: s.timers });
  s.effectivePriority = effectiveFrom(s.basePriority, s.trackWeight);
  t.log('stopped');
  t.emit({ type: 'run-notify', state: 'STOP' });
}

function onTimer(t: Step, name: TimerName): void {
  const s = t.s;
  const due = s.timers[name];
  if (due === undefined || t.now < due) return; // stale or early: ignore
  delete (s.timers as Partial<Record<TimerName, number>>)[name];
  switch (name) {
    case 'adver':
      if (s.state !== 'MASTER') return;
      t.emit({ type: 'send-advert', priority: s.effectivePriority });
      t.setTimer('adver', s.config.advertIntervalMs);
      return;
    case 'master-down':
      if (s.state !== 'BACKUP') return;
      s.wantState = 'MASTER';
      if (s.config.syncGroup) {
        // keepalived's goto_master asks the group first; until every member wants MASTER the
        // instance stays BACKUP with a fresh down timer.
        t.armDown(downOf(s));
        t.emit({ type: 'sync-request', want: 'MASTER' });
        return;
      }
      t.log('master down timer expired');
      becomeMaster(t);
      return;
    case 'garp':
      if (s.state === 'MASTER' && s.vipsSet) t.emit({ type: 'send-garp', repeat: s.config.garp.masterRepeat, reason: 'master-delayed' });
      return;
    case 'garp-refresh':
      if (s.state !== 'MASTER' || !s.vipsSet) return;
      t.emit({ type: 'send-garp', repeat: s.config.garp.masterRefreshRepeat, reason: 'refresh' });
      t.setTimer('garp-refresh', s.config.garp.masterRefreshMs);
      return;
    case 'lower-prio-garp':
      if (s.state === 'MASTER' && s.vipsSet) t.emit({ type: 'send-garp', repeat: s.config.garp.lowerPrioRepeat, reason: 'lower-priority-delayed' });
      return;
  }
}

/** BACKUP/FAULT/INIT -> MASTER: advert first (so the old master drops the VIPs), then VIPs, GARPs, notify. */
function becomeMaster(t: Step): void {
  const s = t.s;
  const garp = s.config.garp;
  s.state = 'MASTER';
  s.wantState = 'MASTER';
  s.masterAdverIntervalMs = s.config.advertIntervalMs;
  s.masterAddress = s.config.address;
  s.masterPriority = s.effectivePriority;
  t.cancelTimer('master-down');
  t.emit({ type: 'send-advert', priority: s.effectivePriority });
  if (!s.vipsSet) {
    t.log('entering MASTER state');
    t.emit({ type: 'add-vips', accept: s.config.accept || s.basePriority === PRIORITY_OWNER });
    s.vipsSet = true;
    t.emit({ type: 'send-garp', repeat: garp.masterRepeat, reason: 'master' });
    if (garp.masterRefreshMs > 0) t.setTimer('garp-refresh', garp.masterRefreshMs);
    t.emit({ type: 'run-notify', state: 'MASTER' });
    if (garp.masterDelayMs > 0) t.setTimer('garp', garp.masterDelayMs);
  }
  t.setTimer('adver', s.config.advertIntervalMs);
}

function releaseVips(t: Step): void {
  t.cancelTimer('garp');
  t.cancelTimer('garp-refresh');
  t.cancelTimer('lower-prio-garp');
  if (t.s.vipsSet) {
    t.emit({ type: 'remove-vips' });
    t.s.vipsSet = false;
  }
}

/** MASTER -> BACKUP (a better master) or MASTER -> FAULT. */
function leaveMaster(t: Step, to: 'BACKUP' | 'FAULT', sendStop: boolean): void {
  const s = t.s;
  s.wantState = to;
  t.cancelTimer('adver');
  if (to === 'BACKUP') {
    t.log('entering BACKUP state');
    s.preemptAt = null;
  } else {
    t.log('entering FAULT state');
    t.emit({ type: 'send-advert', priority: PRIORITY_STOP });
  }
  // keepalived sends a second priority-0 advert here when the fault is the instance's own.
  if (sendStop) t.emit({ type: 'send-advert', priority: PRIORITY_STOP });
  releaseVips(t);
  s.state = to;
  t.emit({ type: 'run-notify', state: to });
  if (to === 'BACKUP') t.armDown(downOf(s));
  else s.downTimerMs = downOf(s);
}

function onMasterAdvert(t: Step, a: AdvertEvent): void {
  const s = t.s;
  const cmp = compareAddresses(a.source, s.config.address);
  const resetAdver = (): void => {
    // keepalived re-arms the advert timer after every packet a master handles, unless
    // lower_prio_no_advert is set; we do it when an advert was actually sent.
    if (!s.config.lowerPrioNoAdvert) t.setTimer('adver', s.config.advertIntervalMs);
  };
  const better = (): boolean => a.priority > s.effectivePriority || (a.priority === s.effectivePriority && cmp > 0);

  if (a.priority === PRIORITY_STOP || (s.config.higherPrioSendAdvert && better())) {
    t.emit({ type: 'send-advert', priority: s.effectivePriority });
    if (a.priority === PRIORITY_STOP) {
      // RFC 5798 6.4.3: answer a priority-0 advert at once and restart the advert timer.
      t.log(`priority 0 advert from ${a.source}`);
      resetAdver();
      return;
    }
  }
  if (a.priority === s.effectivePriority) {
    if (cmp === 0) t.log(`advert with our priority from our own address ${a.source}`, 'warning');
    else if (s.effectivePriority === PRIORITY_OWNER) {
      // Two owners: keepalived reports a configuration error and steps down to 254.
      t.log(`${a.source} also claims to own the addresses (priority 255); lowering ours to 254`, 'warning');
      s.basePriority = PRIORITY_OWNER - 1;
      s.effectivePriority = PRIORITY_OWNER - 1;
    }
  }
  if (a.priority < s.effectivePriority || (a.priority === s.effectivePriority && cmp < 0)) {
    // RFC: discard. keepalived: answer with our own advert to force the other router back to
    // BACKUP, repeat GARPs, and run notify_master_rx_lower_pri.
    t.log(`lower priority advert (${a.priority}) from ${a.source}; ours is ${s.effectivePriority}`);
    if (!s.config.lowerPrioNoAdvert) t.emit({ type: 'send-advert', priority: s.effectivePriority });
    lowerPriorityGarp(t);
    t.emit({ type: 'notify-event', event: 'master-rx-lower-pri', priority: a.priority });
    resetAdver();
    return;
  }
  if (better()) {
    t.log(`higher priority advert (${a.priority}) from ${a.source}; ours is ${s.effectivePriority}`);
    if (s.config.version === 3) s.masterAdverIntervalMs = a.advertIntervalMs;
    s.masterAddress = a.source;
    s.masterPriority = a.priority;
    leaveMaster(t, 'BACKUP', false);
  }
}

function lowerPriorityGarp(t: Step): void {
  const g = t.s.config.garp;
  if (!t.s.vipsSet || g.lowerPrioRepeat <= 0) return;
  t.emit({ type: 'send-garp', repeat: g.lowerPrioRepeat, reason: 'lower-priority' });
  if (g.lowerPrioDelayMs > 0) t.setTimer('lower-prio-garp', g.lowerPrioDelayMs);
}

function onBackupAdvert(t: Step, a: AdvertEvent): void {
  const s = t.s;
  const c = s.config;
  if (a.priority === PRIORITY_STOP) {
    // RFC 5798 6.4.2: the master is leaving; take over after Skew_Time.
    t.log(`priority 0 advert from ${a.source}`);
    t.armDown(skewOf(s));
    return;
  }
  const preemptDelayed = c.preemptDelayMs > 0 && (s.preemptAt === null || s.preemptAt > t.now);
  if (c.nopreempt || a.priority >= s.effectivePriority || preemptDelayed) {
    if (c.version === 3) s.masterAdverIntervalMs = a.advertIntervalMs;
    s.masterAddress = a.source;
    s.masterPriority = a.priority;
    t.armDown(downOf(s));
    if (c.preemptDelayMs > 0) {
      if (a.priority >= s.effectivePriority) s.preemptAt = null;
      else if (s.preemptAt === null) {
        s.preemptAt = t.now + c.preemptDelayMs;
        t.log(`lower priority master ${a.source}; preempting after ${c.preemptDelayMs} ms`);
      }
    }
    s.wantState = 'BACKUP';
    return;
  }
  // Preempt: ignore the lower-priority master; the down timer keeps running.
  t.log(`lower priority advert (${a.priority}) from ${a.source}; ignored`);
  s.masterAddress = a.source;
  const due = s.timers['master-down'];
  if (due !== undefined) s.downTimerMs = Math.max(0, due - t.now);
}

function onFault(t: Step, source: string, active: boolean): void {
  const s = t.s;
  const had = s.faults.includes(source);
  if (active === had) return;
  s.faults = active ? [...s.faults, source].sort() : s.faults.filter((f) => f !== source);
  if (active) {
    if (s.faults.length !== 1) return; // already down
    t.log(`fault: ${source}`);
    // Before start-up the fault only decides the start state; wantState is kept, so an owner
    // that starts faulty becomes MASTER as soon as the fault clears (keepalived does the same).
    if (s.started) enterFault(t, true);
    return;
  }
  if (s.faults.length) return;
  t.log(`fault cleared: ${source}`);
  if (!s.started || s.state !== 'FAULT') return;
  // keepalived's try_up_instance: an owner still wanting MASTER returns to MASTER, anyone
  // else to BACKUP for a full Master_Down_Interval.
  const want: 'MASTER' | 'BACKUP' = s.wantState === 'MASTER' && s.basePriority === PRIORITY_OWNER ? 'MASTER' : 'BACKUP';
  s.wantState = want;
  s.masterAdverIntervalMs = s.config.advertIntervalMs;
  if (s.config.syncGroup) {
    t.emit({ type: 'sync-request', want });
    return;
  }
  leaveFault(t, want);
  if (s.config.unicast) t.emit({ type: 'send-garp', repeat: 1, reason: 'source-address' });
}

/** Into FAULT from BACKUP or MASTER; own: the fault is ours (not the sync group's). */
function enterFault(t: Step, own: boolean): void {
  const s = t.s;
  s.wantState = 'FAULT';
  if (s.state === 'MASTER') {
    leaveMaster(t, 'FAULT', own);
    return;
  }
  if (s.state === 'FAULT') return;
  const from = s.state;
  t.cancelAllTimers();
  s.state = 'FAULT';
  s.masterAdverIntervalMs = s.config.advertIntervalMs;
  s.downTimerMs = downOf(s);
  if (from !== 'INIT') {
    t.log('entering FAULT state');
    t.emit({ type: 'run-notify', state: 'FAULT' });
  }
}

/** FAULT (or INIT) -> BACKUP or MASTER. */
function leaveFault(t: Step, to: 'MASTER' | 'BACKUP'): void {
  const s = t.s;
  s.masterAdverIntervalMs = s.config.advertIntervalMs;
  if (to === 'MASTER') {
    becomeMaster(t);
    return;
  }
  s.wantState = 'BACKUP';
  if (s.state !== 'BACKUP') t.log('entering BACKUP state');
  s.state = 'BACKUP';
  s.preemptAt = null;
  t.emit({ type: 'run-notify', state: 'BACKUP' });
  t.armDown(downOf(s));
}

function onPriorityChange(t: Step, trackWeight: number): void {
  const s = t.s;
  s.trackWeight = trackWeight;
  const next = effectiveFrom(s.basePriority, trackWeight);
  if (next === s.effectivePriority) return;
  t.log(`effective priority ${s.effectivePriority} -> ${next}`);
  const oldDown = s.downTimerMs;
  s.effectivePriority = next;
  const newDown = downOf(s);
  s.downTimerMs = newDown;
  const due = s.timers['master-down'];
  if (s.state === 'BACKUP' && due !== undefined) {
    // keepalived moves the running down timer by the change of its length.
    const at = due + (newDown - oldDown);
    (s.timers as Partial<Record<TimerName, number>>)['master-down'] = at;
    t.emit({ type: 'set-timer', name: 'master-down', at });
  }
  if (s.config.notifyPriorityChanges) t.emit({ type: 'notify-event', event: 'priority-change', priority: next });
}

function onSyncGoto(t: Step, to: WantState): void {
  const s = t.s;
  if (!s.started) return;
  if (to === 'MASTER') {
    if (s.state === 'MASTER') return;
    becomeMaster(t);
    return;
  }
  if (to === 'BACKUP') {
    s.wantState = 'BACKUP';
    if (s.state === 'BACKUP') return;
    if (s.state === 'MASTER') leaveMaster(t, 'BACKUP', false);
    else leaveFault(t, 'BACKUP');
    return;
  }
  enterFault(t, false);
}

/** Effective priority: base + track weights within 1..254; the owner's 255 never moves. */
export function effectiveFrom(basePriority: number, trackWeight: number): number {
  if (basePriority === PRIORITY_OWNER) return PRIORITY_OWNER;
  return Math.min(PRIORITY_OWNER - 1, Math.max(1, basePriority + trackWeight));
}

// ---------------------------------------------------------------------------------------------

/** Whether an instance is up as far as its own faults go. */
export const isUp = (s: InstanceState): boolean => s.faults.length === 0;
