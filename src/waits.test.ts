// register, verify and waitForStatus over real local sockets: their wait options are checked before
// the write is sent, the request options reach every request of the wait, and maxWaitMs is a deadline
// for the whole wait. Where a status's kind ends a wait is pure logic: src/lifecycle.test.ts. The
// timed waits come last, after the file's first requests have warmed up fetch on a loaded machine.
import { afterEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import {
  createSendersClient,
  type Sender,
  type SenderCreate,
  SenderOfflineError,
  TimeoutError,
  ValidationError,
} from './index.js';
import { statusesOf } from './statuses.js';
import { client, lines, localServers, settle } from './test/calls.js';
import { credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const sid = online.sid;
const collection = '/v2/Channels/Senders';
const serve = localServers();

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the wait options of register and verify', () => {
  it.each([
    ['a negative maxWaitMs', { maxWaitMs: -1 }],
    ['a maxWaitMs that is not a number', { maxWaitMs: Number.NaN }],
    ['an intervalMs of 0', { intervalMs: 0 }],
    ['an onStatus that is not a function', { onStatus: 'x' }],
  ])('refuses %s before the write is sent', async (_, options) => {
    server = await startServer((_, response) => json(response, 202, { ...online, status: 'CREATING' }));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    await expect(senders.register(seed, options as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(senders.verify(sid, '123456', options as never)).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
  });
});

describe('register and verify', () => {
  it('register sends the caller’s headers on the create and on every read of the wait', async () => {
    let reads = 0;
    server = await startServer((request, response) => {
      if (request.method === 'POST') return json(response, 202, { ...online, status: 'CREATING' });
      reads++;
      json(response, 200, { ...online, status: reads < 2 ? 'CREATING' : 'PENDING_VERIFICATION' });
    });
    await client(server.url).register(seed, { headers: { 'X-Trace': 'abc' }, intervalMs: 1 });
    expect(server.received.length).toBeGreaterThanOrEqual(3);
    expect(server.received.map((request) => request.headers['x-trace'])).toEqual(server.received.map(() => 'abc'));
  });

  it('verify takes timeoutMs per attempt, apart from the wait’s maxWaitMs', async () => {
    server = await startServer((request, response) => {
      if (request.method === 'POST') json(response, 202, { ...online, status: 'VERIFYING' });
      // The reads never answer: each attempt times out at timeoutMs, long before maxWaitMs.
    });
    const started = Date.now();
    const error = await client(server.url)
      .verify(online.sid, '123456', { timeoutMs: 100, maxRetries: 0, maxWaitMs: 60_000, intervalMs: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('register and verify take a signal that ends the call', async () => {
    server = await startServer(() => undefined);
    const controller = new AbortController();
    const reason = new Error('stop');
    const pending = client(server.url).register(seed, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('waitForStatus', () => {
  it.each(statusesOf('failed'))(
    'ends a wait for a ready status at the first read of %s (failed), with a SenderOfflineError, not at its deadline',
    async (status) => {
      const server = await serve((_, response) => json(response, 200, { ...online, status }));
      const senders = createSendersClient({ ...credentials, baseUrl: server.url });
      // Without the guarantee the wait reads on until maxWaitMs and ends in a TimeoutError instead.
      const { error } = await settle(() =>
        senders.waitForStatus(sid, statusesOf('ready'), { intervalMs: 10, maxWaitMs: 1_000 }),
      );
      expect(error).toBeInstanceOf(SenderOfflineError);
      expect(error).toMatchObject({ statusKind: 'failed', senderStatus: status });
      expect(server.received.map(lines)).toEqual([`GET ${collection}/${sid}`]);
    },
  );

  it('keeps its deadline when a read hangs, and its TimeoutError carries lastStatus', async () => {
    const server = await serve((_, response) => {
      // The first read answers at once; the next hang past the deadline.
      if (server.received.length === 1) return json(response, 200, { ...online, status: 'VERIFYING' });
      setTimeout(() => json(response, 200, { ...online, status: 'VERIFYING' }), 3_000);
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error, ms } = await settle(() =>
      senders.waitForStatus(sid, ['ONLINE'], { intervalMs: 50, maxWaitMs: 600 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).lastStatus).toBe('VERIFYING');
    expect(server.received.map(lines)).toEqual([`GET ${collection}/${sid}`, `GET ${collection}/${sid}`]);
    expect(ms).toBeGreaterThanOrEqual(590);
    expect(ms).toBeLessThan(1_500);
  });

  it.each([[['online']], [['ONLINE', 'LIVE']]])(
    'refuses statuses %j that are not the spec’s, before any read',
    async (statuses) => {
      const server = await serve((_, response) => json(response, 200, online));
      const senders = createSendersClient({ ...credentials, baseUrl: server.url });
      const { error } = await settle(() => senders.waitForStatus(sid, statuses as never, { maxWaitMs: 500 }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(server.received).toEqual([]);
    },
  );

  it('waitForStatus ends at maxWaitMs with a TimeoutError naming the last status', async () => {
    server = await startServer((_, response) => json(response, 200, { ...online, status: 'VERIFYING' }));
    const error = await client(server.url)
      .waitForStatus(online.sid, ['ONLINE'], { maxWaitMs: 200, intervalMs: 20 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 200, lastStatus: 'VERIFYING' });
    // How many reads fit in 200 ms depends on the machine's load; the status named proves one was made.
    expect(server.received.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses an unknown wait option rather than ignoring it', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    const error = await client(server.url)
      .waitForStatus(online.sid, ['ONLINE'], { maxWait: 10 } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
  });
});
