// vrrp_sync_group semantics, from keepalived 2.2.7 vrrp_sync.c and the transition matrix in
// vrrp_scheduler.c (see docs/research/vrrp-runtime.md).
import { describe, expect, it } from 'vitest';
import { type Event, initialState, instanceConfig } from '../../../src/runtime/vrrp/fsm.js';
import {
  type GroupEffect,
  type SyncGroup,
  canGotoMaster,
  createSyncGroup,
  startGroup,
  startupGroupState,
  stepGroup,
  stopGroup,
} from '../../../src/runtime/vrrp/sync-group.js';

const member = (name: string, vrid: number, priority = 100) =>
  initialState(instanceConfig({ name, vrid, priority, address: '10.0.0.2', vips: [`10.0.${vrid}.100`], syncGroup: 'G' }));

class G {
  g: SyncGroup;
  fx: GroupEffect[] = [];
  constructor(priority = 100) {
    this.g = createSyncGroup('G', [member('A', 1, priority), member('B', 2, priority)]);
  }
  start(now = 0): this {
    const r = startGroup(this.g, now);
    this.g = r.group;
    this.fx = r.effects;
    return this;
  }
  at(now: number, m: string, e: Event): GroupEffect[] {
    const r = stepGroup(this.g, m, e, now);
    this.g = r.group;
    this.fx = r.effects.filter((x) => x.effect.type !== 'log');
    return this.fx;
  }
  states(): string {
    return `${this.g.state}: A=${this.g.members.A.state} B=${this.g.members.B.state}`;
  }
  notifies(): string[] {
    return this.fx.filter((x) => x.effect.type === 'run-notify').map((x) => `${x.member ?? 'G'}:${(x.effect as { state: string }).state}`);
  }
}

describe('vrrp_sync_group', () => {
  it('starts BACKUP together and notifies the group', () => {
    const g = new G().start();
    expect(g.states()).toBe('BACKUP: A=BACKUP B=BACKUP');
    expect(g.notifies()).toEqual(['G:BACKUP', 'A:BACKUP', 'B:BACKUP']);
  });

  it('a group of owners starts MASTER together', () => {
    const g = new G(255);
    expect(startupGroupState(g.g)).toBe('MASTER');
    g.start();
    expect(g.states()).toBe('MASTER: A=MASTER B=MASTER');
  });

  it('MASTER only when every member wants it; then all members switch at once', () => {
    const g = new G().start();
    g.at(3609.375, 'A', { type: 'timer', name: 'master-down' });
    expect(g.states()).toBe('BACKUP: A=BACKUP B=BACKUP');
    expect(g.g.members.A.wantState).toBe('MASTER');
    expect(canGotoMaster(g.g, 'B')).toBe(true);
    g.at(3609.375, 'B', { type: 'timer', name: 'master-down' });
    expect(g.states()).toBe('MASTER: A=MASTER B=MASTER');
    expect(g.notifies()).toEqual(['B:MASTER', 'A:MASTER', 'G:MASTER']);
  });

  it('an advert to one member keeps the group BACKUP even when the other timed out', () => {
    const g = new G().start();
    g.at(3609.375, 'A', { type: 'timer', name: 'master-down' });
    g.at(3700, 'A', { type: 'advert-received', priority: 150, source: '10.0.0.9', advertIntervalMs: 1000 });
    g.at(3710, 'B', { type: 'timer', name: 'master-down' });
    expect(g.states()).toBe('BACKUP: A=BACKUP B=BACKUP');
  });

  const masters = (): G => {
    const g = new G().start();
    g.at(3609.375, 'A', { type: 'timer', name: 'master-down' });
    g.at(3609.375, 'B', { type: 'timer', name: 'master-down' });
    return g;
  };

  it('one member FAULT takes the group to FAULT; the other master sends one priority-0 advert', () => {
    const g = masters();
    g.at(5000, 'A', { type: 'interface-down' });
    expect(g.states()).toBe('FAULT: A=FAULT B=FAULT');
    const zeros = (m: string) => g.fx.filter((x) => x.member === m && x.effect.type === 'send-advert').length;
    expect(zeros('A')).toBe(2);
    expect(zeros('B')).toBe(1);
    expect(g.notifies()).toEqual(['A:FAULT', 'B:FAULT', 'G:FAULT']);
    g.at(6000, 'A', { type: 'interface-up' });
    expect(g.states()).toBe('BACKUP: A=BACKUP B=BACKUP');
    expect(g.notifies()).toEqual(['A:BACKUP', 'B:BACKUP', 'G:BACKUP']);
  });

  it('FAULT ends only when the last faulty member recovers', () => {
    const g = new G().start();
    g.at(100, 'A', { type: 'interface-down' });
    g.at(200, 'B', { type: 'fault', source: 'chk', active: true });
    g.at(300, 'A', { type: 'interface-up' });
    expect(g.states()).toBe('FAULT: A=FAULT B=FAULT');
    g.at(400, 'B', { type: 'fault', source: 'chk', active: false });
    expect(g.states()).toBe('BACKUP: A=BACKUP B=BACKUP');
  });

  it('a master member yielding to a better master takes the group to BACKUP', () => {
    const g = masters();
    g.at(5000, 'B', { type: 'advert-received', priority: 200, source: '10.0.0.9', advertIntervalMs: 1000 });
    expect(g.states()).toBe('BACKUP: A=BACKUP B=BACKUP');
    expect(g.fx.filter((x) => x.effect.type === 'remove-vips').map((x) => x.member)).toEqual(['B', 'A']);
  });

  it('a lower-priority advert at one master makes the other members repeat their GARPs', () => {
    const g = masters();
    g.at(5000, 'A', { type: 'advert-received', priority: 50, source: '10.0.0.9', advertIntervalMs: 1000 });
    expect(g.fx.filter((x) => x.effect.type === 'send-garp').map((x) => x.member)).toEqual(['A', 'B']);
  });

  it('a faulty member at start-up starts the whole group in FAULT', () => {
    const g = new G();
    const r = stepGroup(g.g, 'A', { type: 'interface-down' }, 0);
    g.g = r.group;
    g.start(0);
    expect(g.states()).toBe('FAULT: A=FAULT B=FAULT');
    g.at(100, 'A', { type: 'interface-up' });
    expect(g.states()).toBe('BACKUP: A=BACKUP B=BACKUP');
  });

  it('stop: every member stops and the group notifies STOP', () => {
    const g = masters();
    const r = stopGroup(g.g, 9000);
    expect(r.group.state).toBe('INIT');
    expect(r.effects.filter((x) => x.effect.type === 'run-notify').map((x) => `${x.member ?? 'G'}:${(x.effect as { state: string }).state}`)).toEqual(['A:STOP', 'B:STOP', 'G:STOP']);
  });
});
