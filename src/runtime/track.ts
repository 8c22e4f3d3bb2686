/**
 * Tracking as keepalived does it, pure: a vrrp_script's rise/fall counter, and how the state
 * of tracked objects turns into an instance's faults and track weight.
 */
import type { PlanInstance, PlanScript } from '../compile/plan.js';

/** keepalived's script result counter: up while result >= rise. */
export interface ScriptCounter {
  result: number;
  /** no result yet (the first one decides either way) */
  init: boolean;
}

export function scriptCounter(s: Pick<PlanScript, 'rise' | 'initFail'>): ScriptCounter {
  return { result: s.initFail ? 0 : s.rise - 1, init: true };
}

export const scriptUp = (c: ScriptCounter, s: Pick<PlanScript, 'rise'>): boolean => c.result >= s.rise;

/** One run's outcome; `changed` when the script went up or down. */
export function scriptResult(c: ScriptCounter, s: Pick<PlanScript, 'rise' | 'fall'>, success: boolean): { counter: ScriptCounter; changed: boolean } {
  let { result } = c;
  let changed = false;
  const top = s.rise + s.fall - 1;
  if (success) {
    if (result < s.rise - 1) result++;
    else if (result !== top) {
      if (result < s.rise) changed = true;
      result = top;
    }
  } else if (result > s.rise) result--;
  else {
    if (result === s.rise || c.init) changed = result >= s.rise || c.init;
    result = 0;
  }
  return { counter: { result, init: false }, changed };
}

/** A tracked object as the instance sees it. */
export interface Tracked {
  kind: 'script' | 'interface';
  name: string;
  weight: number;
  reverse: boolean;
}

/** Every object an instance tracks: its own interface (unless dont_track_primary), track_interface, track_script. */
export function trackedBy(p: PlanInstance): Tracked[] {
  const out: Tracked[] = [];
  if (p.track.trackPrimaryInterface) out.push({ kind: 'interface', name: p.interface, weight: 0, reverse: false });
  for (const t of p.track.interfaces) {
    if (t.name === p.interface && p.track.trackPrimaryInterface) continue;
    out.push({ kind: 'interface', ...t });
  }
  for (const t of p.track.scripts) out.push({ kind: 'script', ...t });
  return out;
}

export const trackKey = (t: Pick<Tracked, 'kind' | 'name'>): string => `${t.kind} ${t.name}`;

/**
 * Faults and weight from the objects' states (up: true/false), as keepalived counts them:
 * weight 0 is a fault while down (while up with reverse); a positive weight counts while up, a
 * negative one while down, and reverse negates the weight. The owner (priority 255) ignores weights.
 */
export function evaluate(tracked: readonly Tracked[], isUp: (t: Tracked) => boolean, owner: boolean): { faults: string[]; weight: number } {
  const faults: string[] = [];
  let weight = 0;
  for (const t of tracked) {
    const up = isUp(t);
    if (t.weight === 0) {
      if (up === t.reverse) faults.push(trackKey(t));
    } else if (!owner && t.weight > 0 === up) weight += t.reverse ? -t.weight : t.weight;
  }
  return { faults, weight };
}
