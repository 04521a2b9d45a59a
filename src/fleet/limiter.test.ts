import { describe, expect, it } from 'vitest';
import { AimdLimiter } from './limiter.js';

/** Starts `count` tasks that each hold a slot until released by the test. */
function hold(limiter: AimdLimiter, count: number) {
  const releases: (() => void)[] = [];
  const started: number[] = [];
  for (let i = 0; i < count; i++) {
    void limiter.run(
      () =>
        new Promise<void>((resolve) => {
          started.push(i);
          releases.push(resolve);
        }),
    );
  }
  return { releases, started };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AimdLimiter', () => {
  it('starts at the ceiling and never runs more than the limit at once', async () => {
    const limiter = new AimdLimiter(3);
    const { releases, started } = hold(limiter, 10);
    await tick();
    expect(started).toEqual([0, 1, 2]);
    releases[0]?.();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limiter.highWater).toBe(3);
  });

  it('halves on a 429, once for the requests already in flight, and climbs back one step per success', () => {
    let now = 1_000;
    const limiter = new AimdLimiter(8, () => now);
    limiter.rateLimited(999);
    expect(limiter.limit).toBe(4);
    // Sent before that decrease: the same congestion, no second halving.
    limiter.rateLimited(999);
    expect(limiter.limit).toBe(4);
    now = 1_010;
    limiter.rateLimited(1_005);
    expect(limiter.limit).toBe(2);
    now = 1_020;
    limiter.rateLimited(1_015);
    limiter.rateLimited(1_030);
    expect(limiter.limit).toBe(1);
    for (let i = 0; i < 3; i++) limiter.succeeded();
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 10; i++) limiter.succeeded();
    expect(limiter.limit).toBe(8);
  });

  it('starts nothing while a Retry-After runs, then goes on', async () => {
    let now = 0;
    const limiter = new AimdLimiter(4, () => now);
    limiter.rateLimited(0, 50);
    const { started } = hold(limiter, 2);
    await tick();
    expect(started).toEqual([]);
    now = 60;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(started).toEqual([0, 1]);
    limiter.close();
  });
});
