// The polling schedule of waitForStatus, as pure logic: a scripted `get` and fake timers.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ValidationError } from './errors.js';
import { waitForStatus } from './lifecycle.js';
import type { Sender, SenderStatus } from './types.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it('polls with backoff from intervalMs, 1.5 times each wait, capped at 30 s', async () => {
  const reads: number[] = [];
  const statuses: SenderStatus[] = [...Array<SenderStatus>(9).fill('VERIFYING'), 'ONLINE'];
  const get = async () => {
    reads.push(Date.now());
    return { sid: 'XE1', sender_id: 'whatsapp:+15017122661', status: statuses[reads.length - 1] } as Sender;
  };
  const pending = waitForStatus(
    get,
    'https://x.test',
    'XE1',
    ['ONLINE'],
    { intervalMs: 2_000, maxWaitMs: 3_600_000 },
    {},
  );
  await vi.runAllTimersAsync();
  expect((await pending).status).toBe('ONLINE');
  const waits = reads.slice(1).map((at, i) => at - (reads[i] as number));
  expect(waits).toEqual([2_000, 3_000, 4_500, 6_750, 10_125, 15_188, 22_782, 30_000, 30_000]);
});

it.each([
  ['no statuses', [], {}, '$.statuses'],
  ['a status that is not in a list', 'ONLINE', {}, '$.statuses'],
  ['an interval of 0, which would poll in a busy loop', ['ONLINE'], { intervalMs: 0 }, '$.intervalMs'],
  ['an interval over 30 s', ['ONLINE'], { intervalMs: 60_000 }, '$.intervalMs'],
  ['a deadline that is not a number', ['ONLINE'], { maxWaitMs: Number.NaN }, '$.maxWaitMs'],
])('refuses %s with a ValidationError, before any read', async (_, statuses, options, path) => {
  let reads = 0;
  const get = async () => {
    reads++;
    return { sid: 'XE1', sender_id: 'whatsapp:+15017122661', status: 'ONLINE' } as Sender;
  };
  const error = await waitForStatus(get, 'https://x.test', 'XE1', statuses as SenderStatus[], options, {}).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
  expect(reads).toBe(0);
});
