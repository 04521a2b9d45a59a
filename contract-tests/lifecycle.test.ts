// The sender lifecycle in the library, against the stateful sandbox behind `prism proxy --errors`,
// its statuses advancing on a timer as the real service's do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sender, SenderOfflineError, SenderStatusError, TimeoutError } from '../src/index.js';
import { statusesOf, statusKind } from '../src/statuses.js';
import { startCheckedSandbox } from '../src/testing/checked.js';
import { contractClient } from './client.js';

let checked: Awaited<ReturnType<typeof startCheckedSandbox>>;
let senders: ReturnType<typeof contractClient>;
beforeAll(async () => {
  checked = await startCheckedSandbox({ lifecycle: 'timer', stepMs: 150 });
  senders = contractClient(checked.url);
});
afterAll(() => checked.close());

let number = 0;
const fresh = () => ({
  sender_id: `whatsapp:+1555${String(7_000_000 + ++number).padStart(8, '0')}`,
  profile: { name: 'Example Motors' },
});
const fast = { intervalMs: 20, timeoutMs: 5_000 };

describe('register and verify', () => {
  it('registers: CREATING, then PENDING_VERIFICATION, each status reported once', async () => {
    const seen: string[] = [];
    const sender = await senders.register(fresh(), { ...fast, onStatus: (s) => seen.push(s.status) });
    expect(sender.status).toBe('PENDING_VERIFICATION');
    expect(seen).toEqual(['CREATING', 'PENDING_VERIFICATION']);
  });

  it('verifies: VERIFYING, then ONLINE', async () => {
    const { sid } = await senders.register(fresh(), fast);
    const seen: string[] = [];
    const sender = await senders.verify(sid, '123456', { ...fast, onStatus: (s) => seen.push(s.status) });
    expect(sender.status).toBe('ONLINE');
    expect(seen).toEqual(['VERIFYING', 'ONLINE']);
  });

  it('waits through ONLINE:UPDATING back to ONLINE after a change', async () => {
    const { sid } = await senders.register(fresh(), fast);
    await senders.verify(sid, '123456', fast);
    const updating = await senders.update(sid, { webhook: { callback_url: 'https://example.com/hook' } });
    expect(updating.status).toBe('ONLINE:UPDATING');
    const seen: string[] = [];
    await senders.waitForStatus(sid, ['ONLINE'], { ...fast, onStatus: (s) => seen.push(s.status) });
    expect(seen.at(-1)).toBe('ONLINE');
  });
});

describe('a status that waiting will not change ends register at once', () => {
  it.each(statusesOf('action-needed', 'failed'))('%s: register rejects after one read, naming it', async (status) => {
    let reads = 0;
    const error = await senders
      .register(fresh(), {
        ...fast,
        onStatus: (sender) => {
          // The 202 first: the sandbox then puts the new sender where waiting cannot help.
          if (reads++ === 0) checked.sandbox.setStatus(sender.sid, status);
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SenderStatusError);
    expect(error).toMatchObject({ senderStatus: status, statusKind: statusKind(status) });
    expect(reads).toBe(2);
  });
});

describe('waitForStatus', () => {
  it('rejects on OFFLINE with the reasons the service gave', async () => {
    const { sid } = await senders.register(fresh(), fast);
    checked.sandbox.setStatus(sid, 'OFFLINE', [{ code: '30008', message: 'The number is not on WhatsApp.' }]);
    const error = await senders.waitForStatus(sid, ['ONLINE'], fast).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SenderOfflineError);
    expect(error).toMatchObject({
      sid,
      offlineReasons: [{ code: '30008', message: 'The number is not on WhatsApp.' }],
    });
    expect((error as Error).message).toBe(`sender ${sid} is OFFLINE (30008: The number is not on WhatsApp.)`);
  });

  it('resolves on OFFLINE when OFFLINE is awaited', async () => {
    const { sid } = await senders.register(fresh(), fast);
    checked.sandbox.setStatus(sid, 'OFFLINE');
    expect((await senders.waitForStatus(sid, ['ONLINE', 'OFFLINE'], fast)).status).toBe('OFFLINE');
  });

  it('times out with a TimeoutError that names the last status seen', async () => {
    const { sid } = await senders.register(fresh(), fast);
    checked.sandbox.setStatus(sid, 'VERIFYING'); // set by hand: no timer moves it on
    const error = await senders
      .waitForStatus(sid, ['ONLINE'], { intervalMs: 20, maxWaitMs: 300 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ lastStatus: 'VERIFYING', timeoutMs: 300 });
    expect((error as Error).message).toMatch(/timed out after 300 ms; still VERIFYING, waiting for ONLINE$/);
  });

  it("ends at once on abort in the middle of a wait, with the signal's reason", async () => {
    const { sid } = await senders.register(fresh(), fast);
    checked.sandbox.setStatus(sid, 'VERIFYING');
    const controller = new AbortController();
    const reason = new Error('operator pressed Ctrl-C');
    const seen: Sender[] = [];
    const pending = senders.waitForStatus(sid, ['ONLINE'], {
      intervalMs: 5_000,
      signal: controller.signal,
      onStatus: (sender) => seen.push(sender),
    });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
