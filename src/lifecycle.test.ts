// waitForStatus as pure logic, with a scripted `get` and fake timers: its polling schedule, and
// where a status's kind ends it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenderOfflineError, SenderStatusError, ValidationError } from './errors.js';
import { waitForStatus } from './lifecycle.js';
import { endsWait, senderStatuses, statusesOf, statusKind } from './statuses.js';
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

describe('a status that waiting will not change ends a wait for another one at once (x-status-kinds)', () => {
  /** A `get` that answers these statuses in turn (the last one for ever), counting its reads. */
  const scripted = (...statuses: string[]) => {
    const get = Object.assign(
      async () => {
        const status = statuses[Math.min(get.reads++, statuses.length - 1)];
        return { sid: 'XE1', sender_id: 'whatsapp:+15017122661', status, offline_reasons: reasons } as Sender;
      },
      { reads: 0 },
    );
    return get;
  };
  const reasons = [{ code: '30008', message: 'not on WhatsApp', more_info: null }];
  // Ten minutes of fake time: without the guarantee the wait polls until a TimeoutError instead.
  const wait = (get: ReturnType<typeof scripted>, statuses: readonly SenderStatus[]) => {
    const pending = waitForStatus(get, 'https://x.test', 'XE1', statuses, { maxWaitMs: 600_000 }, {}).catch(
      (error: unknown) => error,
    );
    return vi.runAllTimersAsync().then(() => pending);
  };

  it.each(statusesOf('failed'))(
    '%s (failed): a SenderOfflineError naming it and its reasons, after one read',
    async (status) => {
      const get = scripted(status);
      const error = await wait(get, statusesOf('ready'));
      expect(error).toBeInstanceOf(SenderOfflineError);
      expect(error).toMatchObject({ statusKind: 'failed', senderStatus: status, offlineReasons: reasons });
      expect((error as Error).message).toBe(`sender XE1 is ${status} (30008: not on WhatsApp)`);
      expect(get.reads).toBe(1);
    },
  );

  it.each(statusesOf('awaiting-code'))(
    '%s (awaiting-code): a SenderStatusError that says to submit the code with verify',
    async (status) => {
      const get = scripted('A_STATUS_NOT_IN_THE_SPEC', status);
      const error = await wait(get, statusesOf('ready'));
      expect(error).toBeInstanceOf(SenderStatusError);
      expect(error).not.toBeInstanceOf(SenderOfflineError);
      expect(error).toMatchObject({ statusKind: 'awaiting-code', senderStatus: status, sid: 'XE1' });
      expect((error as Error).message).toContain(`sender XE1 is ${status} (`);
      expect((error as Error).message).toContain('verify(sid, code)');
      expect(get.reads).toBe(2);
    },
  );

  it.each(statusesOf('action-needed'))(
    '%s (action-needed): a SenderStatusError that says someone must act',
    async (status) => {
      const get = scripted(status);
      const error = await wait(get, statusesOf('ready'));
      expect(error).toBeInstanceOf(SenderStatusError);
      expect(error).toMatchObject({ statusKind: 'action-needed', senderStatus: status });
      expect((error as Error).message).toContain('will not move on by itself');
      expect(get.reads).toBe(1);
    },
  );

  it.each(senderStatuses.filter((status) => endsWait(statusKind(status))))(
    'resolves on %s when it is awaited',
    async (status) => {
      expect(await wait(scripted(status), [status])).toMatchObject({ status });
    },
  );

  it('keeps polling through a status the spec does not know (working), and through ready while awaiting another', async () => {
    const [ready] = statusesOf('ready');
    const get = scripted('SUSPENDED_SOMEDAY', 'SUSPENDED_SOMEDAY', ready as string, 'OFFLINE');
    expect(statusKind('SUSPENDED_SOMEDAY')).toBe('working');
    expect(await wait(get, ['OFFLINE'])).toMatchObject({ status: 'OFFLINE' });
    expect(get.reads).toBe(4);
  });
});
