import { describe, expect, it } from 'vitest';
import { limiter } from '../../../src/runtime/net/iproute.js';

/** a task that stays unfinished until finish() is called */
function pending(): { task: () => Promise<string>; finish: (ok?: boolean) => void; started: boolean } {
  const t = {
    started: false,
    finish: (_ok?: boolean) => undefined as void,
    task: () =>
      new Promise<string>((resolve, reject) => {
        t.started = true;
        t.finish = (ok = true) => (ok ? resolve('done') : reject(new Error('failed')));
      }),
  };
  return t;
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('limiter (ip and arping processes at a time)', () => {
  it('starts at most max tasks, the next ones in the order they came as earlier ones finish', async () => {
    const run = limiter(2);
    const tasks = [pending(), pending(), pending(), pending()];
    const results = tasks.map((t) => run(t.task));
    await settle();
    expect(tasks.map((t) => t.started)).toEqual([true, true, false, false]);
    tasks[1]!.finish();
    await settle();
    expect(tasks.map((t) => t.started)).toEqual([true, true, true, false]);
    tasks[0]!.finish();
    await settle();
    expect(tasks[3]!.started).toBe(true);
    tasks[2]!.finish();
    tasks[3]!.finish();
    await expect(Promise.all(results)).resolves.toEqual(['done', 'done', 'done', 'done']);
  });

  it('a failing task (rejected or throwing) gives its slot back and its caller the error', async () => {
    const run = limiter(1);
    const a = pending();
    const first = run(a.task);
    const second = run(() => {
      throw new Error('thrown');
    });
    const c = pending();
    const third = run(c.task);
    a.finish(false);
    await expect(first).rejects.toThrow('failed');
    await expect(second).rejects.toThrow('thrown');
    await settle();
    expect(c.started).toBe(true);
    c.finish();
    await expect(third).resolves.toBe('done');
  });
});
