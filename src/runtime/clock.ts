/** The real clock: monotonic time from performance.now(), timers that never fire early. */
import { performance } from 'node:perf_hooks';
import type { Clock, TimerHandle } from './drivers.js';

export const realClock: Clock = {
  now: () => performance.now(),
  wall: () => Date.now(),
  at(deadline: number, fn: () => void): TimerHandle {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      // Node's timers run on the loop's cached millisecond clock and can fire a fraction of a
      // millisecond before a performance.now() deadline: check, and wait out the rest.
      const left = deadline - performance.now();
      if (left <= 0) {
        if (!cancelled) fn();
        return;
      }
      handle = setTimeout(arm, Math.max(1, Math.ceil(left)));
    };
    handle = setTimeout(arm, Math.max(0, Math.ceil(deadline - performance.now())));
    return {
      cancel: () => {
        cancelled = true;
        if (handle) clearTimeout(handle);
      },
    };
  },
};
