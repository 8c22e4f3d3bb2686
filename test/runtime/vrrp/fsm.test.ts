// The VRRP state machine on a fake clock. Expected transitions and times are worked out from
// RFC 5798 section 6 / RFC 3768 and from keepalived 2.2.7's vrrp.c and vrrp_scheduler.c
// (docs/research/vrrp-runtime.md), not read off the implementation.
import { describe, expect, it } from 'vitest';
import {
  type Effect,
  type Event,
  type InstanceConfig,
  type InstanceConfigInput,
  type InstanceState,
  initialState,
  instanceConfig,
  masterDownIntervalMs,
  normalizeConfig,
  skewTimeMs,
  step,
  stepAll,
} from '../../../src/runtime/vrrp/fsm.js';

const cfg = (c: Omit<InstanceConfigInput, 'name' | 'vrid' | 'address'> = {}): InstanceConfig =>
  instanceConfig({ name: 'VI_1', vrid: 51, address: '10.0.0.2', vips: ['10.0.0.100'], ...c });

/** A little driver: events at times, effects without log lines. */
class Clock {
  s: InstanceState;
  fx: Effect[] = [];
  constructor(c: InstanceConfig) {
    this.s = initialState(c);
  }
  at(now: number, event: Event): Effect[] {
    const r = step(this.s, event, now);
    this.s = r.state;
    this.fx = r.effects.filter((e) => e.type !== 'log');
    return this.fx;
  }
  advert(now: number, priority: number, source = '10.0.0.9', advertIntervalMs = 1000): Effect[] {
    return this.at(now, { type: 'advert-received', priority, source, advertIntervalMs });
  }
  fire(now: number, name: 'adver' | 'master-down' | 'garp' | 'garp-refresh' | 'lower-prio-garp'): Effect[] {
    return this.at(now, { type: 'timer', name });
  }
  get downAt(): number | undefined {
    return this.s.timers['master-down'];
  }
}

describe('timing (RFC 5798 6.1, RFC 3768 6.1)', () => {
  it('v2: Skew_Time = (256 - Priority) / 256 s, whatever the interval', () => {
    expect(skewTimeMs(2, 100, 1000)).toBe(609.375);
    expect(skewTimeMs(2, 100, 5000)).toBe(609.375);
    expect(skewTimeMs(2, 254, 1000)).toBe(7.812);
    expect(masterDownIntervalMs(2, 100, 1000)).toBe(3609.375);
  });
  it('v3: Skew_Time = ((256 - Priority) * Master_Adver_Interval) / 256', () => {
    expect(skewTimeMs(3, 100, 1000)).toBe(609.375);
    expect(skewTimeMs(3, 100, 500)).toBe(304.687);
    expect(skewTimeMs(3, 200, 2000)).toBe(437.5);
    expect(masterDownIntervalMs(3, 100, 2000)).toBe(7218.75);
    expect(masterDownIntervalMs(3, 100, 1000, 5)).toBe(5609.375);
  });
});

describe('Initialize', () => {
  it('a backup starts in BACKUP with Master_Down_Timer = Master_Down_Interval', () => {
    const c = new Clock(cfg());
    expect(c.at(0, { type: 'startup' })).toEqual([
      { type: 'run-notify', state: 'BACKUP' },
      { type: 'set-timer', name: 'master-down', at: 3609.375 },
    ]);
    expect(c.s.state).toBe('BACKUP');
  });

  it('the owner (255) starts as MASTER: advert, VIPs, GARP burst, notify, delayed GARP, advert timer', () => {
    const c = new Clock(cfg({ priority: 255 }));
    expect(c.at(0, { type: 'startup' })).toEqual([
      { type: 'send-advert', priority: 255 },
      { type: 'add-vips', accept: true },
      { type: 'send-garp', repeat: 5, reason: 'master' },
      { type: 'run-notify', state: 'MASTER' },
      { type: 'set-timer', name: 'garp', at: 5000 },
      { type: 'set-timer', name: 'adver', at: 1000 },
    ]);
    expect(c.s.state).toBe('MASTER');
  });

  it('keepalived: `state MASTER` below 255 still waits the full Master_Down_Interval', () => {
    const c = new Clock(cfg({ initialState: 'MASTER', priority: 150 }));
    c.at(0, { type: 'startup' });
    expect(c.s.state).toBe('BACKUP');
    expect(c.downAt).toBe(3000 + skewTimeMs(2, 150, 1000));
  });

  it('keepalived: a sync-group member wanting MASTER in a BACKUP group waits one interval plus the smallest skew', () => {
    const c = new Clock(cfg({ initialState: 'MASTER', priority: 150, syncGroup: 'G' }));
    c.at(0, { type: 'startup', groupState: 'BACKUP' });
    expect(c.downAt).toBe(1000 + 3.906);
  });

  it('an instance that is faulty at start-up starts in FAULT', () => {
    const c = new Clock(cfg());
    c.at(0, { type: 'interface-down' });
    expect(c.at(10, { type: 'startup' })).toEqual([{ type: 'run-notify', state: 'FAULT' }]);
    expect(c.s.state).toBe('FAULT');
  });
});

describe('Backup', () => {
  const backup = (c: Omit<InstanceConfigInput, 'name' | 'vrid' | 'address'> = {}): Clock => {
    const k = new Clock(cfg(c));
    k.at(0, { type: 'startup' });
    return k;
  };

  it('Master_Down_Timer expiry: advert first, then VIPs, GARPs, notify; Adver_Timer armed', () => {
    const c = backup();
    expect(c.fire(3609.375, 'master-down')).toEqual([
      { type: 'send-advert', priority: 100 },
      { type: 'add-vips', accept: true },
      { type: 'send-garp', repeat: 5, reason: 'master' },
      { type: 'run-notify', state: 'MASTER' },
      { type: 'set-timer', name: 'garp', at: 8609.375 },
      { type: 'set-timer', name: 'adver', at: 4609.375 },
    ]);
    expect(c.s.state).toBe('MASTER');
  });

  it('an advert of higher or equal priority resets the down timer; v3 adopts the master interval', () => {
    const c = backup();
    expect(c.advert(1000, 150)).toEqual([{ type: 'set-timer', name: 'master-down', at: 4609.375 }]);
    expect(c.advert(2000, 100)).toEqual([{ type: 'set-timer', name: 'master-down', at: 5609.375 }]);
    const v3 = backup({ version: 3 });
    v3.advert(1000, 150, '10.0.0.9', 2000);
    expect(v3.s.masterAdverIntervalMs).toBe(2000);
    expect(v3.downAt).toBe(1000 + 7218.75);
    // v2 keeps its own interval (keepalived refuses other intervals before the FSM sees them)
    const v2 = backup();
    v2.advert(1000, 150, '10.0.0.9', 2000);
    expect(v2.downAt).toBe(1000 + 3609.375);
  });

  it('preempt: a lower-priority advert is ignored and the down timer keeps running', () => {
    const c = backup();
    expect(c.advert(1000, 50)).toEqual([]);
    expect(c.downAt).toBe(3609.375);
    c.fire(3609.375, 'master-down');
    expect(c.s.state).toBe('MASTER');
  });

  it('nopreempt: a lower-priority master is accepted', () => {
    const c = backup({ nopreempt: true });
    expect(c.advert(1000, 50)).toEqual([{ type: 'set-timer', name: 'master-down', at: 4609.375 }]);
  });

  it('priority 0: take over after Skew_Time of our own priority', () => {
    const c = backup();
    expect(c.advert(2000, 0)).toEqual([{ type: 'set-timer', name: 'master-down', at: 2609.375 }]);
    const v3 = backup({ version: 3, priority: 200, advertIntervalMs: 500 });
    v3.advert(2000, 0);
    expect(v3.downAt).toBe(2000 + 109.375);
  });

  it('preempt_delay: lower-priority adverts are accepted until the delay has run from the first one', () => {
    const c = backup({ priority: 200, preemptDelayMs: 5000 });
    const mdi = masterDownIntervalMs(2, 200, 1000); // 3218.75
    c.advert(500, 100);
    expect(c.s.preemptAt).toBe(5500);
    for (let t = 1500; t <= 4500; t += 1000) c.advert(t, 100);
    expect(c.downAt).toBe(4500 + mdi);
    c.advert(5500, 100); // preempt time reached: ignored
    expect(c.downAt).toBe(4500 + mdi);
    c.fire(4500 + mdi, 'master-down');
    expect(c.s.state).toBe('MASTER');
  });

  it('preempt_delay stops when a higher-priority master appears', () => {
    const c = backup({ priority: 200, preemptDelayMs: 5000 });
    c.advert(500, 100);
    c.advert(1500, 220);
    expect(c.s.preemptAt).toBeNull();
  });

  it('a priority change moves the running down timer by the change of its length (keepalived)', () => {
    const c = backup();
    expect(c.at(1000, { type: 'priority-change', trackWeight: 100 })).toEqual([{ type: 'set-timer', name: 'master-down', at: 3609.375 - 609.375 + 218.75 }]);
    expect(c.s.effectivePriority).toBe(200);
    // clamped to 1..254
    c.at(1100, { type: 'priority-change', trackWeight: 500 });
    expect(c.s.effectivePriority).toBe(254);
    c.at(1200, { type: 'priority-change', trackWeight: -500 });
    expect(c.s.effectivePriority).toBe(1);
  });

  it('timer events that are stale or early are ignored', () => {
    const c = backup();
    c.advert(1000, 150);
    expect(c.fire(3609.375, 'master-down')).toEqual([]);
    expect(c.s.state).toBe('BACKUP');
    expect(c.fire(9999, 'adver')).toEqual([]);
  });

  it('shutdown from BACKUP: no advert, timers cancelled, STOP notify', () => {
    const c = backup();
    expect(c.at(100, { type: 'shutdown' })).toEqual([
      { type: 'cancel-timer', name: 'master-down' },
      { type: 'run-notify', state: 'STOP' },
    ]);
    expect(c.s.state).toBe('INIT');
  });
});

describe('Master', () => {
  const master = (c: Omit<InstanceConfigInput, 'name' | 'vrid' | 'address'> = {}): Clock => {
    const k = new Clock(cfg(c));
    k.at(0, { type: 'startup' });
    k.fire(k.downAt as number, 'master-down');
    expect(k.s.state).toBe('MASTER');
    return k;
  };
  const T = 3609.375;

  it('Adver_Timer: send an advert and re-arm', () => {
    const c = master();
    expect(c.fire(T + 1000, 'adver')).toEqual([
      { type: 'send-advert', priority: 100 },
      { type: 'set-timer', name: 'adver', at: T + 2000 },
    ]);
  });

  it('a higher-priority advert: back to BACKUP, VIPs removed, down timer armed with the new interval (v3)', () => {
    const c = master({ version: 3 });
    expect(c.advert(5000, 150, '10.0.0.1', 2000)).toEqual([
      { type: 'cancel-timer', name: 'adver' },
      { type: 'cancel-timer', name: 'garp' },
      { type: 'remove-vips' },
      { type: 'run-notify', state: 'BACKUP' },
      { type: 'set-timer', name: 'master-down', at: 5000 + 7218.75 },
    ]);
    expect(c.s.state).toBe('BACKUP');
  });

  it('equal priority: the higher primary address wins', () => {
    const lose = master();
    lose.advert(5000, 100, '10.0.0.3');
    expect(lose.s.state).toBe('BACKUP');
    const win = master();
    win.advert(5000, 100, '10.0.0.1');
    expect(win.s.state).toBe('MASTER');
  });

  it('keepalived: a lower-priority advert is answered at once, GARPs repeated, notify_master_rx_lower_pri', () => {
    const c = master();
    expect(c.advert(5000, 50, '10.0.0.1')).toEqual([
      { type: 'send-advert', priority: 100 },
      { type: 'send-garp', repeat: 5, reason: 'lower-priority' },
      { type: 'set-timer', name: 'lower-prio-garp', at: 10000 },
      { type: 'notify-event', event: 'master-rx-lower-pri', priority: 50 },
      { type: 'set-timer', name: 'adver', at: 6000 },
    ]);
    expect(c.s.state).toBe('MASTER');
    expect(c.fire(10000, 'lower-prio-garp')).toEqual([{ type: 'send-garp', repeat: 5, reason: 'lower-priority-delayed' }]);
  });

  it('lower_prio_no_advert and garp_lower_prio_repeat 0: the RFC behaviour (discard)', () => {
    const c = master({ lowerPrioNoAdvert: true, garp: { lowerPrioRepeat: 0 } });
    expect(c.advert(5000, 50, '10.0.0.1')).toEqual([{ type: 'notify-event', event: 'master-rx-lower-pri', priority: 50 }]);
  });

  it('priority 0: send an advert and restart Adver_Timer', () => {
    const c = master();
    expect(c.advert(5000, 0)).toEqual([
      { type: 'send-advert', priority: 100 },
      { type: 'set-timer', name: 'adver', at: 6000 },
    ]);
    expect(c.s.state).toBe('MASTER');
  });

  it('higher_prio_send_advert: answer the better master once before yielding', () => {
    const c = master({ higherPrioSendAdvert: true });
    const fx = c.advert(5000, 200);
    expect(fx[0]).toEqual({ type: 'send-advert', priority: 100 });
    expect(c.s.state).toBe('BACKUP');
  });

  it('keepalived: two owners both step down to 254', () => {
    const c = new Clock(cfg({ priority: 255 }));
    c.at(0, { type: 'startup' });
    c.advert(500, 255, '10.0.0.1');
    expect(c.s.effectivePriority).toBe(254);
    expect(c.s.basePriority).toBe(254);
    expect(c.s.state).toBe('BACKUP');
  });

  it('shutdown: priority-0 advert, VIPs removed, STOP', () => {
    const c = master();
    expect(c.at(5000, { type: 'shutdown' })).toEqual([
      { type: 'send-advert', priority: 0 },
      { type: 'cancel-timer', name: 'garp' },
      { type: 'remove-vips' },
      { type: 'cancel-timer', name: 'adver' },
      { type: 'run-notify', state: 'STOP' },
    ]);
    expect(c.s.state).toBe('INIT');
    // and it can start again like a fresh instance
    c.at(6000, { type: 'startup' });
    expect(c.downAt).toBe(6000 + 3609.375);
  });

  it('a priority change takes effect in the next advert', () => {
    const c = master();
    expect(c.at(4000, { type: 'priority-change', trackWeight: -30 })).toEqual([]);
    expect(c.fire(T + 1000, 'adver')[0]).toEqual({ type: 'send-advert', priority: 70 });
  });

  it('garp_master_refresh: periodic bursts while master', () => {
    const c = master({ garp: { masterRefreshMs: 60000, masterRefreshRepeat: 2 } });
    expect(c.s.timers['garp-refresh']).toBe(T + 60000);
    expect(c.fire(T + 60000, 'garp-refresh')).toEqual([
      { type: 'send-garp', repeat: 2, reason: 'refresh' },
      { type: 'set-timer', name: 'garp-refresh', at: T + 120000 },
    ]);
  });
});

describe('Fault', () => {
  it('MASTER -> FAULT on its own fault: two priority-0 adverts (keepalived), VIPs removed; back as BACKUP', () => {
    const c = new Clock(cfg());
    c.at(0, { type: 'startup' });
    c.fire(3609.375, 'master-down');
    expect(c.at(5000, { type: 'interface-down' })).toEqual([
      { type: 'cancel-timer', name: 'adver' },
      { type: 'send-advert', priority: 0 },
      { type: 'send-advert', priority: 0 },
      { type: 'cancel-timer', name: 'garp' },
      { type: 'remove-vips' },
      { type: 'run-notify', state: 'FAULT' },
    ]);
    expect(c.s.state).toBe('FAULT');
    expect(c.advert(5500, 200)).toEqual([]); // FAULT ignores adverts
    expect(c.at(6000, { type: 'interface-up' })).toEqual([
      { type: 'run-notify', state: 'BACKUP' },
      { type: 'set-timer', name: 'master-down', at: 9609.375 },
    ]);
    expect(c.s.state).toBe('BACKUP');
  });

  it('faults count by source: FAULT until every source has cleared', () => {
    const c = new Clock(cfg());
    c.at(0, { type: 'startup' });
    c.at(1, { type: 'fault', source: 'script chk_a', active: true });
    c.at(2, { type: 'interface-down' });
    c.at(3, { type: 'fault', source: 'script chk_a', active: false });
    expect(c.s.state).toBe('FAULT');
    c.at(4, { type: 'interface-up' });
    expect(c.s.state).toBe('BACKUP');
  });

  it('an owner that faults while running comes back as BACKUP; one that started faulty comes back MASTER (keepalived)', () => {
    const running = new Clock(cfg({ priority: 255 }));
    running.at(0, { type: 'startup' });
    running.at(100, { type: 'interface-down' });
    running.at(200, { type: 'interface-up' });
    expect(running.s.state).toBe('BACKUP');
    expect(running.downAt).toBe(200 + masterDownIntervalMs(2, 255, 1000));
    const late = new Clock(cfg({ priority: 255 }));
    late.at(0, { type: 'interface-down' });
    late.at(0, { type: 'startup' });
    late.at(200, { type: 'interface-up' });
    expect(late.s.state).toBe('MASTER');
  });

  it('unicast: leaving FAULT refreshes the peers with a GARP for our own address', () => {
    const c = new Clock(cfg({ unicast: true }));
    c.at(0, { type: 'startup' });
    c.at(1, { type: 'interface-down' });
    expect(c.at(2, { type: 'interface-up' })).toContainEqual({ type: 'send-garp', repeat: 1, reason: 'source-address' });
  });

  it('BACKUP -> FAULT cancels the down timer', () => {
    const c = new Clock(cfg());
    c.at(0, { type: 'startup' });
    expect(c.at(1, { type: 'interface-down' })).toEqual([
      { type: 'cancel-timer', name: 'master-down' },
      { type: 'run-notify', state: 'FAULT' },
    ]);
  });
});

describe('sync gating (the FSM side)', () => {
  it('a sync-group member asks instead of taking over, and re-arms its down timer', () => {
    const c = new Clock(cfg({ syncGroup: 'G' }));
    c.at(0, { type: 'startup', groupState: 'BACKUP' });
    expect(c.fire(3609.375, 'master-down')).toEqual([
      { type: 'set-timer', name: 'master-down', at: 7218.75 },
      { type: 'sync-request', want: 'MASTER' },
    ]);
    expect(c.s.state).toBe('BACKUP');
    expect(c.s.wantState).toBe('MASTER');
    c.advert(4000, 150);
    expect(c.s.wantState).toBe('BACKUP');
    c.at(4100, { type: 'sync-goto', state: 'MASTER' });
    expect(c.s.state).toBe('MASTER');
    c.at(4200, { type: 'sync-goto', state: 'FAULT' });
    expect(c.s.state).toBe('FAULT');
    expect(c.fx.filter((e) => e.type === 'send-advert')).toEqual([{ type: 'send-advert', priority: 0 }]);
  });
});

describe('purity and configuration', () => {
  it('step does not modify its input', () => {
    const s0 = initialState(cfg());
    const copy = structuredClone(s0);
    const { state: s1 } = step(s0, { type: 'startup' }, 0);
    expect(s0).toEqual(copy);
    const copy1 = structuredClone(s1);
    stepAll(s1, [{ type: 'timer', name: 'master-down' }, { type: 'interface-down' }], 5000);
    expect(s1).toEqual(copy1);
  });

  it('normalizeConfig applies keepalived start-up corrections', () => {
    const { config, warnings } = normalizeConfig(cfg({ priority: 255, nopreempt: true, advertIntervalMs: 1500 }));
    expect(config.nopreempt).toBe(false);
    expect(config.advertIntervalMs).toBe(2000);
    expect(warnings).toHaveLength(2);
    expect(normalizeConfig(cfg({ initialState: 'MASTER', priority: 100, preemptDelayMs: 5000 })).config.preemptDelayMs).toBe(0);
    expect(normalizeConfig(cfg({ version: 3, advertIntervalMs: 50_000 })).config.advertIntervalMs).toBe(40_950);
    expect(normalizeConfig(cfg({ version: 3, advertIntervalMs: 250 })).warnings).toEqual([]);
  });
});
