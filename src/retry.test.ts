// The retry decisions are pure: tested here without a network; src/faults.test.ts runs them over sockets.
import { describe, expect, it } from 'vitest';
import { defaults } from './defaults.js';
import { backoff, decide, notRetried, parseRetryAfter, sleep } from './retry.js';

const policy = { ...defaults };

describe('backoff', () => {
  it('doubles from backoffBaseMs with full jitter, capped at backoffCapMs', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoff(attempt, policy, top))).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(backoff(3, policy, () => 0)).toBe(0);
    expect(backoff(3, policy, () => 0.5)).toBe(500);
    expect(backoff(2, { backoffBaseMs: 100, backoffCapMs: 150 }, top)).toBe(150);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  it.each([
    ['delay-seconds', '3', 3_000],
    ['zero', '0', 0],
    ['an HTTP date', 'Wed, 25 Nov 2026 10:00:07 GMT', 7_000],
    ['a date in the past', 'Wed, 25 Nov 2026 09:00:00 GMT', 0],
    ['garbage', 'soon', undefined],
    ['a negative number', '-1', undefined],
    ['a fraction', '1.5', undefined],
  ])('reads %s', (_, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
  it('is undefined without the header', () => expect(parseRetryAfter(null, now)).toBeUndefined());
});

describe('decide', () => {
  const half = () => 0.5;
  it.each([true, false])('retries a 429 whether or not the operation is retry-safe (%s)', (retrySafe) => {
    expect(decide(retrySafe, { status: 429 }, 1, policy, undefined, half)).toEqual({ retry: true, delayMs: 125 });
  });
  it.each([500, 502, 503, 504])('retries %i on a retry-safe operation only', (status) => {
    expect(decide(true, { status }, 1, policy, undefined, half).retry).toBe(true);
    expect(decide(false, { status }, 1, policy)).toEqual({ retry: false, why: notRetried });
  });
  it.each(['network', 'timeout'] as const)('retries a %s failure on a retry-safe operation only', (outcome) => {
    expect(decide(true, outcome, 1, policy).retry).toBe(true);
    expect(decide(false, outcome, 1, policy)).toEqual({ retry: false, why: notRetried });
  });
  it.each([400, 401, 403, 404, 409, 501])('does not retry %i', (status) => {
    expect(decide(true, { status }, 1, policy)).toEqual({ retry: false });
  });
  it('waits what Retry-After asks, up to maxRetryDelayMs, and stops beyond it', () => {
    expect(decide(true, { status: 429 }, 1, policy, 30_000)).toEqual({ retry: true, delayMs: 30_000 });
    expect(decide(true, { status: 503 }, 1, policy, 2_000)).toEqual({ retry: true, delayMs: 2_000 });
    expect(decide(true, { status: 429 }, 1, policy, 30_001)).toMatchObject({ retry: false, retryAfterMs: 30_001 });
  });
  it('allows maxRetries + 1 attempts in all', () => {
    const attempts = (maxRetries: number) => {
      let attempt = 1;
      while (decide(true, { status: 503 }, attempt, { ...policy, maxRetries }).retry) attempt++;
      return attempt;
    };
    expect([0, 1, 3, 7].map(attempts)).toEqual([1, 2, 4, 8]);
  });
});

describe('sleep', () => {
  it("rejects with the signal's reason when aborted, and leaves no timer", async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const before = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const pending = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length).toBe(before);
  });
  it('rejects at once on a signal already aborted', async () => {
    const reason = new Error('already');
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});
