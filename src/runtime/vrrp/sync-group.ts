// vrrp_sync_group as a pure layer over fsm.ts: the members of a group move together.
//
// The rules (keepalived 2.2.7 vrrp_sync.c and the transition matrix in vrrp_scheduler.c):
// - FAULT spreads: when the first member gets a fault of its own, every other member goes to
//   FAULT too (a master among them sends one priority-0 advert and drops its VIPs).
// - FAULT ends together: a member whose own faults clear stays in FAULT while another member
//   still has faults; when the last one clears, that member leaves FAULT and pulls the others
//   to BACKUP (or all to MASTER when it returns as MASTER and the group allows it).
// - MASTER needs everyone: a member whose down timer expires only becomes MASTER when the
//   group is already MASTER or every other member also wants MASTER (its own timer expired
//   too, and no advert since). Otherwise it stays BACKUP with a fresh down timer. When a member
//   does become MASTER, all the others are switched to MASTER at once.
// - BACKUP spreads: a MASTER member that yields to a better master takes the others to BACKUP.
// - A master member hearing a lower-priority advert makes the others repeat their GARPs.
//
// Members are instances with config.syncGroup set; the group sees every event a member gets.
import { type Effect, type Event, type InstanceState, type WantState, step } from './fsm.js';

export type GroupState = 'INIT' | 'BACKUP' | 'MASTER' | 'FAULT';

export interface SyncGroup {
  readonly name: string;
  /** Member names in configuration order (the order keepalived walks them in). */
  readonly order: readonly string[];
  readonly members: Readonly<Record<string, InstanceState>>;
  state: GroupState;
}

/** An effect of a member (member set) or of the group itself (member null: group notify). */
export interface GroupEffect {
  member: string | null;
  effect: Effect;
}

export interface GroupStepResult {
  group: SyncGroup;
  effects: GroupEffect[];
}

/** A group from member states (not yet started). Each member's config.syncGroup should be the group's name. */
export function createSyncGroup(name: string, members: readonly InstanceState[]): SyncGroup {
  const rec: Record<string, InstanceState> = {};
  for (const m of members) rec[m.config.name] = m;
  return { name, order: members.map((m) => m.config.name), members: rec, state: 'INIT' };
}

/** Members with faults of their own (keepalived's num_member_fault). */
export const faultyMembers = (g: SyncGroup): string[] => g.order.filter((n) => g.members[n].faults.length > 0);

/** The state a group starts in: FAULT if a member is faulty, MASTER if every member is an owner wanting MASTER, else BACKUP. */
export function startupGroupState(g: SyncGroup): WantState {
  const ms = g.order.map((n) => g.members[n]);
  if (ms.some((m) => m.faults.length > 0)) return 'FAULT';
  return ms.every((m) => m.wantState === 'MASTER' && m.basePriority === 255) ? 'MASTER' : 'BACKUP';
}

/** Whether a member may become MASTER now (keepalived's vrrp_sync_can_goto_master). */
export function canGotoMaster(g: SyncGroup, member: string): boolean {
  if (g.state === 'MASTER') return true;
  return g.order.every((n) => n === member || g.members[n].wantState === 'MASTER');
}

class GroupStep {
  readonly members: Record<string, InstanceState>;
  readonly effects: GroupEffect[] = [];
  state: GroupState;
  constructor(
    readonly g: SyncGroup,
    readonly now: number,
  ) {
    this.members = { ...g.members };
    this.state = g.state;
  }
  view(): SyncGroup {
    return { name: this.g.name, order: this.g.order, members: this.members, state: this.state };
  }
  run(member: string, event: Event): Effect[] {
    const r = step(this.members[member], event, this.now);
    this.members[member] = r.state;
    for (const effect of r.effects) this.effects.push({ member, effect });
    return r.effects;
  }
  groupNotify(state: 'MASTER' | 'BACKUP' | 'FAULT' | 'STOP'): void {
    this.effects.push({ member: null, effect: { type: 'run-notify', state } });
  }
  log(message: string): void {
    this.effects.push({ member: null, effect: { type: 'log', level: 'info', message: `group ${this.g.name}: ${message}` } });
  }
  syncMaster(from: string): void {
    if (this.state === 'MASTER' || !canGotoMaster(this.view(), from)) return;
    this.log('all members to MASTER');
    for (const n of this.g.order) if (n !== from && this.members[n].state !== 'MASTER') this.run(n, { type: 'sync-goto', state: 'MASTER' });
    this.state = 'MASTER';
    this.groupNotify('MASTER');
  }
  syncBackup(from: string): void {
    if (this.state === 'BACKUP') return;
    this.log('all members to BACKUP');
    for (const n of this.g.order) if (n !== from && this.members[n].state !== 'BACKUP') this.run(n, { type: 'sync-goto', state: 'BACKUP' });
    this.state = 'BACKUP';
    this.groupNotify('BACKUP');
  }
  syncFault(from: string): void {
    if (this.state === 'FAULT') return;
    this.log('all members to FAULT');
    for (const n of this.g.order) if (n !== from && this.members[n].state !== 'FAULT') this.run(n, { type: 'sync-goto', state: 'FAULT' });
    this.state = 'FAULT';
    this.groupNotify('FAULT');
  }
  result(): GroupStepResult {
    return { group: this.view(), effects: this.effects };
  }
}

/** Start every member, with the group's start state; the group notifies FAULT or BACKUP. */
export function startGroup(g: SyncGroup, now: number): GroupStepResult {
  const t = new GroupStep(g, now);
  const groupState = startupGroupState(g);
  t.state = groupState;
  if (groupState !== 'MASTER') t.groupNotify(groupState);
  for (const n of g.order) t.run(n, { type: 'startup', groupState });
  if (groupState === 'MASTER') t.groupNotify('MASTER');
  return t.result();
}

/** Stop every member; the group notifies STOP. */
export function stopGroup(g: SyncGroup, now: number): GroupStepResult {
  const t = new GroupStep(g, now);
  for (const n of g.order) t.run(n, { type: 'shutdown' });
  t.state = 'INIT';
  t.groupNotify('STOP');
  return t.result();
}

/** One event for one member, with the group's reactions. Pure. */
export function stepGroup(g: SyncGroup, member: string, event: Event, now: number): GroupStepResult {
  if (!(member in g.members)) return { group: g, effects: [] };
  const t = new GroupStep(g, now);
  const before = g.members[member];
  const faultyBefore = faultyMembers(g).length;
  const effects = t.run(member, event);

  for (const e of effects) {
    if (e.type === 'sync-request') onRequest(t, member, e.want);
    else if (e.type === 'notify-event' && e.event === 'master-rx-lower-pri') {
      for (const n of g.order) if (n !== member) t.run(n, { type: 'sibling-lower-priority' });
    }
  }

  const after = t.members[member];
  // The first member with a fault of its own takes the group to FAULT.
  if (after.state === 'FAULT' && after.faults.length > 0 && faultyBefore === 0) t.syncFault(member);
  else if (after.state === 'MASTER' && before.state !== 'MASTER') t.syncMaster(member);
  else if (after.state === 'BACKUP' && before.state === 'MASTER') t.syncBackup(member);
  return t.result();
}

function onRequest(t: GroupStep, member: string, want: 'MASTER' | 'BACKUP'): void {
  const m = t.members[member];
  if (m.state === 'BACKUP' && want === 'MASTER') {
    // Down timer expired: go only if the whole group may.
    if (canGotoMaster(t.view(), member)) t.run(member, { type: 'sync-goto', state: 'MASTER' });
    return;
  }
  if (m.state !== 'FAULT') return;
  // Own faults cleared: leave FAULT only when no member is faulty any more.
  if (faultyMembers(t.view()).length > 0) return;
  const target = want === 'MASTER' && canGotoMaster(t.view(), member) ? 'MASTER' : 'BACKUP';
  t.run(member, { type: 'sync-goto', state: target });
  if (target === 'MASTER') t.syncMaster(member);
  else t.syncBackup(member);
}
