// The VRRP core in a deterministic simulated LAN: fixed scenarios with exact times (worked out
// from RFC 5798 / keepalived timing), and fast-check properties over many seeds with loss,
// delay, corruption, partitions, crashes and faults.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { masterDownIntervalMs, skewTimeMs } from '../../../src/runtime/vrrp/fsm.js';
import {
  type InstanceSpec,
  type RouterSpec,
  Simulation,
  checkConverged,
  checkPreemptWinner,
  checkSingleMaster,
  prng,
} from '../../../src/runtime/vrrp/simulator.js';

const VRID = 51;
const router = (name: string, n: number, inst: Partial<InstanceSpec> = {}): RouterSpec => ({
  name,
  address: `10.0.0.${n}`,
  instances: [{ vrid: VRID, vips: ['10.0.0.100', '10.0.0.101'], ...inst }],
});

const masterAt = (sim: Simulation, name: string): number[] => sim.transitions.filter((t) => t.router === name && t.to === 'MASTER').map((t) => t.at);

describe('fixed scenarios', () => {
  it('two routers: the higher priority takes over at its Master_Down_Interval; the other stays BACKUP', () => {
    const sim = new Simulation({ seed: 1, routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 200 })] });
    sim.startAll();
    sim.runUntil(30_000);
    expect(masterAt(sim, 'b')).toEqual([masterDownIntervalMs(2, 200, 1000)]); // 3218.75
    expect(masterAt(sim, 'a')).toEqual([]);
    expect(sim.masters(VRID)).toEqual(['b']);
    expect(sim.vipHolders(VRID)).toEqual(['b']);
    expect(sim.violations).toEqual([]);
    expect(sim.stats.rejected).toEqual({});
  });

  it('graceful stop: priority 0 lets the backup take over after its Skew_Time', () => {
    const sim = new Simulation({ seed: 1, routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 200 })] });
    sim.startAll();
    sim.at(10_000, (s) => s.stop('b'));
    sim.runUntil(20_000);
    expect(masterAt(sim, 'a')).toEqual([10_000 + skewTimeMs(2, 100, 1000)]); // 10609.375
  });

  it('three routers: the master crashes, the next one takes over within its Master_Down_Interval, then is preempted back', () => {
    const sim = new Simulation({
      seed: 2,
      routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 150 }), router('c', 3, { priority: 200 })],
      network: { minDelayMs: 1, maxDelayMs: 5 },
    });
    sim.startAll();
    sim.runUntil(20_000);
    expect(sim.masters(VRID)).toEqual(['c']);
    sim.crash('c');
    const crashedAt = sim.now;
    sim.runUntil(40_000);
    const [takeover] = masterAt(sim, 'b');
    expect(takeover - crashedAt).toBeLessThanOrEqual(masterDownIntervalMs(2, 150, 1000) + 5);
    expect(takeover - crashedAt).toBeGreaterThan(3000 - 1000);
    expect(masterAt(sim, 'a')).toEqual([]);
    sim.start('c');
    const back = sim.now;
    sim.runUntil(60_000);
    expect(sim.masters(VRID)).toEqual(['c']);
    // c starts BACKUP, ignores b's lower-priority adverts, times out, takes over
    expect(masterAt(sim, 'c').at(-1)).toBeCloseTo(back + masterDownIntervalMs(2, 200, 1000), 6);
    expect(sim.violations).toEqual([]);
  });

  it('owner 255: MASTER at start-up, and a restarted owner preempts the backup at once', () => {
    const sim = new Simulation({ seed: 3, routers: [router('owner', 1, { priority: 255 }), router('b', 2, { priority: 200 })] });
    sim.startAll();
    sim.runUntil(10_000);
    expect(masterAt(sim, 'owner')).toEqual([0]);
    expect(masterAt(sim, 'b')).toEqual([]);
    sim.crash('owner');
    sim.runUntil(20_000);
    expect(sim.masters(VRID)).toEqual(['b']);
    sim.start('owner');
    const t = sim.now;
    sim.runUntil(30_000);
    expect(masterAt(sim, 'owner').at(-1)).toBe(t);
    expect(sim.masters(VRID)).toEqual(['owner']);
    expect(sim.transitions.filter((x) => x.router === 'b').at(-1)).toMatchObject({ at: t, to: 'BACKUP' });
  });

  it('preempt_delay: a better backup accepts the lower master for the delay, then takes over', () => {
    const sim = new Simulation({ seed: 4, routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 200, preemptDelayMs: 10_000 })] });
    sim.start('a');
    sim.at(10_000, (s) => s.start('b'));
    sim.runUntil(40_000);
    // a: master at 3609.375, adverts every second after. b hears the first at 10609.375 and
    // accepts them until 20609.375; the last accepted is at 19609.375, so b's down timer
    // runs out at 19609.375 + 3218.75.
    expect(masterAt(sim, 'a')).toEqual([3609.375]);
    expect(masterAt(sim, 'b')).toEqual([19_609.375 + masterDownIntervalMs(2, 200, 1000)]);
    expect(sim.masters(VRID)).toEqual(['b']);
  });

  it('nopreempt keeps the current master', () => {
    const sim = new Simulation({ seed: 5, routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 200, nopreempt: true })] });
    sim.start('a');
    sim.at(10_000, (s) => s.start('b'));
    sim.runUntil(120_000);
    expect(sim.masters(VRID)).toEqual(['a']);
    expect(masterAt(sim, 'b')).toEqual([]);
    // ... until the master goes away
    sim.stop('a');
    sim.runFor(5000);
    expect(sim.masters(VRID)).toEqual(['b']);
  });

  it('equal priorities: the higher address wins', () => {
    const sim = new Simulation({ seed: 6, routers: [router('a', 1), router('b', 2), router('c', 3)] });
    sim.startAll();
    sim.runUntil(20_000);
    expect(sim.masters(VRID)).toEqual(['c']);
    expect(checkConverged(sim, VRID)).toBeUndefined();
  });

  it('a partition makes two masters; healing leaves the better one', () => {
    const sim = new Simulation({ seed: 7, routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 200 })] });
    sim.startAll();
    sim.runUntil(10_000);
    sim.partition([['a'], ['b']]);
    sim.runUntil(20_000);
    expect(sim.masters(VRID).sort()).toEqual(['a', 'b']);
    sim.heal();
    sim.runUntil(22_000);
    expect(sim.masters(VRID)).toEqual(['b']);
  });

  it('track weights: a lowered master is preempted, then takes over again when restored', () => {
    const sim = new Simulation({ seed: 8, routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 150 })] });
    sim.startAll();
    sim.runUntil(10_000);
    expect(sim.masters(VRID)).toEqual(['b']);
    sim.setTrackWeight('b', VRID, -60);
    sim.runUntil(20_000);
    expect(sim.masters(VRID)).toEqual(['a']);
    sim.setTrackWeight('b', VRID, 0);
    sim.runUntil(30_000);
    expect(sim.masters(VRID)).toEqual(['b']);
  });

  it('IPv6 and VRRPv3 through the real codec', () => {
    const v6 = (name: string, n: number, priority: number): RouterSpec => ({
      name,
      address: `fe80::${n}`,
      instances: [{ vrid: 9, priority, version: 3, advertIntervalMs: 500, vips: ['2001:db8::100'] }],
    });
    const sim = new Simulation({ seed: 9, routers: [v6('a', 1, 100), v6('b', 2, 120)] });
    sim.startAll();
    sim.runUntil(10_000);
    expect(sim.masters(9)).toEqual(['b']);
    expect(masterAt(sim, 'b')).toEqual([masterDownIntervalMs(3, 120, 500)]);
    expect(sim.stats.rejected).toEqual({});
  });

  it('the same seed gives the same run', () => {
    const run = (): string => {
      const sim = new Simulation({
        seed: 42,
        routers: [router('a', 1, { priority: 100 }), router('b', 2, { priority: 150 }), router('c', 3, { priority: 120 })],
        network: { lossRate: 0.2, minDelayMs: 0, maxDelayMs: 300, corruptRate: 0.05 },
      });
      sim.startAll();
      sim.at(15_000, (s) => s.crash('b'));
      sim.at(25_000, (s) => s.start('b'));
      sim.runUntil(60_000);
      return JSON.stringify([sim.transitions, sim.stats]);
    };
    expect(run()).toBe(run());
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

interface Scenario {
  seed: number;
  version: 2 | 3;
  intervalMs: number;
  priorities: number[];
  nopreempt: boolean[];
  preemptDelayMs: number[];
  loss: number;
  maxDelayMs: number;
  corrupt: number;
}

const scenario = (opts: { nopreempt: boolean }) =>
  fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc.record<Scenario>({
      seed: fc.integer(),
      version: fc.constantFrom(2, 3),
      intervalMs: fc.constantFrom(1000, 2000),
      priorities: fc.array(fc.oneof(fc.integer({ min: 1, max: 254 }), fc.constantFrom(100, 255)), { minLength: n, maxLength: n }),
      nopreempt: fc.array(opts.nopreempt ? fc.boolean() : fc.constant(false), { minLength: n, maxLength: n }),
      preemptDelayMs: fc.array(opts.nopreempt ? fc.constant(0) : fc.constantFrom(0, 0, 3000), { minLength: n, maxLength: n }),
      loss: fc.constantFrom(0, 0.05, 0.2, 0.4),
      maxDelayMs: fc.constantFrom(0, 20, 200),
      corrupt: fc.constantFrom(0, 0.02),
    }),
  );

function build(sc: Scenario): Simulation {
  const routers: RouterSpec[] = sc.priorities.map((p, i) => ({
    name: `r${i}`,
    address: `10.0.0.${i + 1}`,
    instances: [
      {
        vrid: VRID,
        version: sc.version,
        priority: p,
        advertIntervalMs: sc.intervalMs,
        // keepalived clears nopreempt for the owner (normalizeConfig)
        nopreempt: sc.nopreempt[i] && p !== 255,
        preemptDelayMs: p === 255 ? 0 : sc.preemptDelayMs[i],
        vips: ['10.0.0.100'],
      },
    ],
  }));
  return new Simulation({ seed: sc.seed, routers, network: { lossRate: sc.loss, minDelayMs: 0, maxDelayMs: sc.maxDelayMs, corruptRate: sc.corrupt } });
}

/** Random crashes, restarts, stops, partitions and faults for `until` ms, driven by the scenario's seed. */
function chaos(sim: Simulation, seed: number, until: number): void {
  const rnd = prng(seed ^ 0x5bd1e995);
  const names = sim.names();
  for (let t = 500 + rnd() * 3000; t < until; t += 500 + rnd() * 4000) {
    const pick = names[Math.floor(rnd() * names.length)];
    const roll = rnd();
    sim.at(t, (s) => {
      if (roll < 0.2) s.crash(pick);
      else if (roll < 0.35) s.start(pick);
      else if (roll < 0.45) s.stop(pick);
      else if (roll < 0.6) s.partition([names.filter(() => rnd() < 0.5)]);
      else if (roll < 0.7) s.heal();
      else if (roll < 0.85) s.setFault(pick, 'chaos', rnd() < 0.5);
      else s.setTrackWeight(pick, VRID, Math.floor(rnd() * 100) - 50);
    });
  }
}

/** After the chaos: heal, stop losing packets, clear faults and weights, start everyone. */
function calm(sim: Simulation): void {
  sim.heal();
  sim.setNetwork({ lossRate: 0, corruptRate: 0 });
  for (const n of sim.names()) {
    sim.setFault(n, 'chaos', false);
    sim.setTrackWeight(n, VRID, 0);
    sim.start(n);
  }
}

/** Long enough for any start state to settle: two down intervals, a preempt delay, margins. */
const settle = (sc: Scenario): number => 2 * (4 * sc.intervalMs + 1000) + Math.max(...sc.preemptDelayMs) + 2 * sc.maxDelayMs + 2 * sc.intervalMs;

function sample(sim: Simulation, from: number, to: number, every: number, check: () => string | undefined): string | undefined {
  for (let t = from; t <= to; t += every) {
    sim.runUntil(t);
    const bad = check();
    if (bad) return bad;
  }
  return undefined;
}

const wellFormed = (sim: Simulation): void => {
  expect(sim.violations).toEqual([]);
  expect(sim.stats.corruptedAccepted).toBe(0);
  // every refused packet was a corrupted one
  const refused = Object.values(sim.stats.rejected).reduce((a, b) => a + (b ?? 0), 0);
  expect(refused).toBeLessThanOrEqual(sim.stats.corrupted);
};

describe('properties over many seeds', () => {
  it('with preemption: after chaos and calm, one master of the highest priority, stable', () => {
    fc.assert(
      fc.property(scenario({ nopreempt: false }), (sc) => {
        const sim = build(sc);
        sim.startAll();
        chaos(sim, sc.seed, 60_000);
        sim.runUntil(60_000);
        calm(sim);
        const conv = 60_000 + settle(sc);
        sim.runUntil(conv);
        expect(sample(sim, conv, conv + 20_000, 250, () => checkPreemptWinner(sim, VRID))).toBeUndefined();
        wellFormed(sim);
      }),
      { numRuns: 120 },
    );
  });

  it('with nopreempt mixed in: after chaos and calm, exactly one master, and it stays', () => {
    fc.assert(
      fc.property(scenario({ nopreempt: true }), (sc) => {
        const sim = build(sc);
        sim.startAll();
        chaos(sim, sc.seed, 60_000);
        sim.runUntil(60_000);
        calm(sim);
        const conv = 60_000 + settle(sc);
        sim.runUntil(conv);
        const [master] = sim.masters(VRID);
        expect(sample(sim, conv, conv + 20_000, 250, () => checkConverged(sim, VRID) ?? (sim.masters(VRID)[0] !== master ? `master moved to ${sim.masters(VRID)}` : undefined))).toBeUndefined();
        wellFormed(sim);
      }),
      { numRuns: 120 },
    );
  });

  it('never two masters on a healthy LAN, whatever the start order and delays', () => {
    fc.assert(
      fc.property(scenario({ nopreempt: true }), fc.array(fc.nat(10_000), { minLength: 5, maxLength: 5 }), (sc, starts) => {
        const sim = build({ ...sc, loss: 0, corrupt: 0 });
        sim.names().forEach((n, i) => sim.at(starts[i], (s) => s.start(n)));
        // Two masters can overlap only while an advert is in flight or a tie is being broken:
        // sample after every advert had time to arrive.
        const slack = sc.maxDelayMs + 1;
        sim.runUntil(12_000 + settle(sc));
        expect(sample(sim, sim.now, sim.now + 30_000, 100 + slack, () => checkSingleMaster(sim, VRID))).toBeUndefined();
        wellFormed(sim);
      }),
      { numRuns: 100 },
    );
  });

  it('when the master dies, a backup takes over within its Master_Down_Interval (+ delay)', () => {
    fc.assert(
      fc.property(scenario({ nopreempt: true }), fc.nat(5000), fc.boolean(), (sc, extra, graceful) => {
        const sim = build({ ...sc, loss: 0, corrupt: 0 });
        sim.startAll();
        const t0 = 30_000 + settle(sc) + extra;
        sim.runUntil(t0);
        const [master] = sim.masters(VRID);
        expect(master).toBeDefined();
        const backups = sim.candidates(VRID).filter((n) => n !== master);
        if (backups.length === 0) return;
        // the bound: the fastest backup's down interval after the last advert it heard
        const bound = Math.min(...backups.map((n) => sim.masterDownInterval(n, VRID))) + sc.maxDelayMs + 1e-6;
        if (graceful) sim.stop(master);
        else sim.crash(master);
        sim.runUntil(t0 + bound + 1);
        const first = sim.transitionsSince(t0, VRID, 'MASTER')[0];
        expect(first, `no takeover within ${bound} ms`).toBeDefined();
        expect(first.at - t0).toBeLessThanOrEqual(bound);
        if (graceful) {
          // priority 0: Skew_Time of the taker, after the delay
          const skew = Math.max(...backups.map((n) => skewTimeMs(sc.version, sim.instance(n, VRID).effectivePriority, sc.intervalMs)));
          expect(first.at - t0).toBeLessThanOrEqual(skew + sc.maxDelayMs + 1e-6);
        }
        sim.runFor(settle(sc));
        expect(checkConverged(sim, VRID)).toBeUndefined();
        wellFormed(sim);
      }),
      { numRuns: 120 },
    );
  });
});
