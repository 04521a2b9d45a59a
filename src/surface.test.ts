// Issue 15's surface, over real sockets: `.withResponse()`, the error family, per-call options,
// and register and verify with the same request options as every other call.
import { afterEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import {
  ApiError,
  ConnectionError,
  createSendersClient,
  NetworkError,
  NextPageError,
  type Sender,
  type SenderCreate,
  TimeoutError,
  ValidationError,
} from './index.js';
import { authToken, basic, credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const notFound = responseExample<object>('fetchSender', '404', 'not-found');
const unavailable = responseExample<object>('fetchSender', '503', 'unavailable');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const requestId = 'RQ0123456789abcdef0123456789abcdef';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const client = (url: string, options = {}) =>
  createSendersClient({ ...credentials, baseUrl: url, backoffBaseMs: 1, backoffCapMs: 1, ...options });

describe('the main client', () => {
  it('has no raw member: openapi-fetch lives in whatsapp-senders/raw', () => {
    expect('raw' in createSendersClient(credentials)).toBe(false);
  });
});

describe('.withResponse()', () => {
  it('resolves to the data, the final response with its body read, and the request id', async () => {
    server = await startServer((_, response) => json(response, 200, online, { 'X-Extra': 'yes' }));
    const { data, response, requestId: id } = await client(server.url).get(online.sid).withResponse();
    expect(data).toEqual(online);
    expect(response.status).toBe(200);
    expect(response.bodyUsed).toBe(true);
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(id).toBe(requestId);
  });

  it('is the same single call as the plain promise: nothing is sent twice', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    const call = client(server.url).get(online.sid);
    const [plain, withResponse] = await Promise.all([call, call.withResponse()]);
    expect(withResponse.data).toBe(plain);
    expect(server.received).toHaveLength(1);
  });

  it('gives the response of the attempt that succeeded after retries', async () => {
    server = await startServer((_, response) =>
      server && server.received.length < 3
        ? json(response, 503, unavailable, { 'Twilio-Request-Id': `RQ${'1'.repeat(32)}` })
        : json(response, 200, online),
    );
    const { response, requestId: id } = await client(server.url).get(online.sid).withResponse();
    expect(server.received).toHaveLength(3);
    expect(response.status).toBe(200);
    expect(id).toBe(requestId);
  });

  it('rejects with the same errors as the plain call: validation before sending, API errors after', async () => {
    server = await startServer((_, response) => json(response, 404, notFound));
    const senders = client(server.url);
    await expect(senders.get('XE1').withResponse()).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
    await expect(senders.get(online.sid).withResponse()).rejects.toBeInstanceOf(ApiError);
  });

  it('is there on every operation: a delete resolves to no data and its 204', async () => {
    server = await startServer((request, response) => {
      if (request.method === 'DELETE') {
        response.writeHead(204, { 'Twilio-Request-Id': requestId });
        response.end();
      } else
        json(response, request.url.includes('Channel=') ? 200 : 202, request.url.includes('Channel=') ? page : online);
    });
    const senders = client(server.url);
    const page = responseExample<object>('listSenders', '200', 'first-page');
    const deleted = await senders.delete(online.sid).withResponse();
    expect(deleted.data).toBeUndefined();
    expect(deleted.response.status).toBe(204);
    expect((await senders.create(seed).withResponse()).response.status).toBe(202);
    expect((await senders.update(online.sid, { friendly_name: 'x' }).withResponse()).response.status).toBe(202);
    expect((await senders.list().withResponse()).data).toEqual(page);
  });
});

describe('the error family', () => {
  it('a refused connection is a NetworkError, and a ConnectionError', async () => {
    server = await startServer(() => undefined);
    const { url } = server;
    await server.close();
    server = undefined;
    const error = await client(url, { maxRetries: 0 })
      .get(online.sid)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('a timeout is a TimeoutError, and a ConnectionError', async () => {
    server = await startServer(() => undefined); // never answers
    const error = await client(server.url, { maxRetries: 0 })
      .get(online.sid, { timeoutMs: 50 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(NetworkError);
  });

  it('a next page on another origin is a NextPageError, which is an ApiError, naming the link', async () => {
    const elsewhere = 'https://elsewhere.example/v2/Channels/Senders?PageToken=x';
    server = await startServer((_, response) =>
      json(response, 200, { senders: [online], meta: { next_page_url: elsewhere } }),
    );
    const seen: Sender[] = [];
    const error = await (async () => {
      for await (const sender of client(server.url).iterate()) seen.push(sender);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NextPageError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as NextPageError).nextPageUrl).toBe(elsewhere);
    expect(seen).toHaveLength(1);
  });

  it('ApiError.headers holds the response headers, redacted by name and by value', async () => {
    server = await startServer((_, response) =>
      json(response, 404, notFound, {
        'Set-Cookie': 'session=abc',
        'X-Echo': `token ${authToken}`,
        'X-Echo-Basic': basic(credentials.accountSid, authToken),
      }),
    );
    const error = (await client(server.url)
      .get(online.sid)
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error.headers['twilio-request-id']).toBe(requestId);
    expect(error.headers['content-type']).toBe('application/json');
    expect(error.headers['set-cookie']).not.toContain('abc');
    expect(error.headers['x-echo']).toMatch(/^token /);
    expect(JSON.stringify(error.headers)).not.toContain(authToken);
    expect(JSON.stringify(error.headers)).not.toContain(basic(credentials.accountSid, authToken).slice(6));
  });
});

describe('call options', () => {
  it('maxRetries per call overrides the client’s, both ways', async () => {
    server = await startServer((_, response) => json(response, 503, unavailable));
    await expect(client(server.url, { maxRetries: 3 }).get(online.sid, { maxRetries: 0 })).rejects.toMatchObject({
      attempts: 1,
    });
    expect(server.received).toHaveLength(1);
    await expect(client(server.url, { maxRetries: 0 }).get(online.sid, { maxRetries: 2 })).rejects.toMatchObject({
      attempts: 3,
    });
    expect(server.received).toHaveLength(4);
  });

  it('refuses a per-call maxRetries that is not a whole number, before sending', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    await expect(client(server.url).get(online.sid, { maxRetries: -1 })).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
  });

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

  it('waitForStatus ends at maxWaitMs with a TimeoutError naming the last status', async () => {
    server = await startServer((_, response) => json(response, 200, { ...online, status: 'VERIFYING' }));
    const error = await client(server.url)
      .waitForStatus(online.sid, ['ONLINE'], { maxWaitMs: 200, intervalMs: 20 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 200, lastStatus: 'VERIFYING' });
    expect(server.received.length).toBeGreaterThanOrEqual(2);
  });

  it('register and verify take a signal that ends the call', async () => {
    server = await startServer(() => undefined);
    const controller = new AbortController();
    const reason = new Error('stop');
    const pending = client(server.url).register(seed, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
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
