/** Tracking arithmetic as keepalived does it: script rise/fall counters, weights, reverse. */
import { describe, expect, it } from 'vitest';
import { evaluate, scriptCounter, scriptResult, scriptUp, type Tracked } from '../../src/runtime/track.js';

describe('script counter', () => {
  const run = (s: { rise: number; fall: number; initFail: boolean }, outcomes: boolean[]): boolean[] => {
    let c = scriptCounter(s);
    return outcomes.map((ok) => {
      c = scriptResult(c, s, ok).counter;
      return scriptUp(c, s);
    });
  };
  it('starts one success from up; the first failure takes it down at once', () => {
    expect(run({ rise: 3, fall: 2, initFail: false }, [true])).toEqual([true]);
    expect(run({ rise: 3, fall: 2, initFail: false }, [false, true, true, true])).toEqual([false, false, false, true]);
  });
  it('needs fall failures to go down and rise successes to come back', () => {
    expect(run({ rise: 2, fall: 3, initFail: false }, [true, false, false, false, true, true])).toEqual([true, true, true, false, false, true]);
  });
  it('init_fail starts down and needs rise successes', () => {
    expect(run({ rise: 2, fall: 1, initFail: true }, [true, true])).toEqual([false, true]);
  });
});

describe('evaluate', () => {
  const t = (name: string, weight: number, reverse = false): Tracked => ({ kind: 'script', name, weight, reverse });
  it('weight 0 is a fault while down (while up when reversed)', () => {
    expect(evaluate([t('a', 0)], () => false, false)).toEqual({ faults: ['script a'], weight: 0 });
    expect(evaluate([t('a', 0, true)], () => true, false)).toEqual({ faults: ['script a'], weight: 0 });
  });
  it('positive weights count while up, negative ones while down; reverse negates; the owner ignores them', () => {
    expect(evaluate([t('a', 10), t('b', -20)], () => true, false).weight).toBe(10);
    expect(evaluate([t('a', 10), t('b', -20)], () => false, false).weight).toBe(-20);
    expect(evaluate([t('a', 10, true)], () => true, false).weight).toBe(-10);
    expect(evaluate([t('b', -20, true)], () => false, false).weight).toBe(20);
    expect(evaluate([t('a', 10), t('b', -20)], () => false, true).weight).toBe(0);
  });
});
