// The faults suite: each case runs over a real local server that misbehaves on purpose, and must
// end in a success or a typed error, after an exact number of attempts, within a bound, leaving
// no unhandled rejection and no open handle behind.
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import {
  ApiError,
  type ClientOptions,
  createSendersClient,
  defaults,
  NetworkError,
  type Sender,
  type SenderCreate,
  TimeoutError,
} from './index.js';
import { credentials } from './test/credentials.js';
import { json, type Received, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const created = responseExample<Sender>('createSender', '202', 'created');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const serviceUnavailable = responseExample<object>('fetchSender', '503', 'unavailable');
const internalError = responseExample<object>('fetchSender', '500', 'internal-error');
const rateLimited = responseExample<object>('fetchSender', '429', 'rate-limited');
const notFound = responseExample<object>('fetchSender', '404', 'not-found');
const mayHaveBeenApplied = 'not retried: the request may have been applied';

/** Answers attempt `attempt` (1 for the first) of whatever request arrives. */
type Fault = (attempt: number, response: ServerResponse, request: Received) => void;

// Resources that a finished call must not leave behind: sockets, servers, timers.
const watched = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'];
const count = () => {
  const counts = Object.fromEntries(watched.map((name) => [name, 0]));
  for (const name of process.getActiveResourcesInfo()) if (name in counts) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
};

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

let current: { server: Awaited<ReturnType<typeof startServer>>; before: Record<string, number> } | undefined;

/** A server that misbehaves as `fault` says, and a client of it with fast backoff. */
async function misbehaving(fault: Fault, options: ClientOptions = {}) {
  const before = count();
  const server = await startServer((request, response) => fault(server.received.length, response, request));
  current = { server, before };
  const senders = createSendersClient({ ...credentials, baseUrl: server.url, backoffBaseMs: 10, ...options });
  return { senders, attempts: () => server.received.length };
}

/** Runs a call, timing it; resolves to its value or its error, never rejects. */
async function settle<T>(call: () => Promise<T>) {
  const started = performance.now();
  const outcome = await call().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, ms: performance.now() - started };
}

afterEach(async () => {
  if (!current) return;
  const { server, before } = current;
  current = undefined;
  await server.close();
  // Sockets close a moment after the server ends them; give them up to 2 s, then compare.
  const left = () => watched.filter((name) => (count()[name] ?? 0) > (before[name] ?? 0));
  for (let wait = 0; wait < 40 && left().length > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(left(), 'open handles left behind').toEqual([]);
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled, 'unhandled rejections').toEqual([]);
});

const retryAfter = (seconds: number) => ({ 'Retry-After': String(seconds) });

describe('faults: rate limits', () => {
  it('retries a 429 after the Retry-After delay in seconds, then succeeds', async () => {
    const { senders, attempts } = await misbehaving((attempt, response) =>
      attempt === 1 ? json(response, 429, rateLimited, retryAfter(1)) : json(response, 200, online),
    );
    const { value, ms } = await settle(() => senders.get(online.sid));
    expect(value).toEqual(online);
    expect(attempts()).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(5_000);
  });

  it('retries a 429 after a Retry-After given as an HTTP date', async () => {
    const { senders, attempts } = await misbehaving((attempt, response) =>
      attempt === 1
        ? json(response, 429, rateLimited, { 'Retry-After': new Date(Date.now() + 3_000).toUTCString() })
        : json(response, 200, online),
    );
    const { value, ms } = await settle(() => senders.get(online.sid));
    expect(value).toEqual(online);
    expect(attempts()).toBe(2);
    // An HTTP date has whole seconds: the wait is between 2 and 3 s, less the time the answer took.
    expect(ms).toBeGreaterThanOrEqual(1_500);
    expect(ms).toBeLessThan(8_000);
  });

  it('retries a 429 on create too: the service refused before doing anything', async () => {
    const { senders, attempts } = await misbehaving((attempt, response) =>
      attempt === 1 ? json(response, 429, rateLimited, retryAfter(0)) : json(response, 202, created),
    );
    const { value } = await settle(() => senders.create(seed));
    expect(value).toEqual(created);
    expect(attempts()).toBe(2);
  });

  it('fails at once when Retry-After asks for longer than maxRetryDelayMs, carrying retryAfterMs', async () => {
    const { senders, attempts } = await misbehaving((_, response) => json(response, 429, rateLimited, retryAfter(60)));
    const { error, ms } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 60_000, attempts: 1 });
    expect((error as Error).message).toContain('Retry-After asks for 60000 ms, over maxRetryDelayMs (30000)');
    expect(attempts()).toBe(1);
    expect(ms).toBeLessThan(2_000);
  });

  it('gives up after maxRetries + 1 attempts of 429', async () => {
    const { senders, attempts } = await misbehaving((_, response) => json(response, 429, rateLimited), {
      maxRetries: 2,
    });
    const { error } = await settle(() => senders.update(online.sid, { webhook: { callback_method: 'POST' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, attempts: 3 });
    expect((error as Error).message).toMatch(/gave up after 3 attempts$/);
    expect(attempts()).toBe(3);
  });
});

describe('faults: server errors', () => {
  it('retries 503 twice on a GET, then succeeds', async () => {
    const { senders, attempts } = await misbehaving((attempt, response) =>
      attempt <= 2 ? json(response, 503, serviceUnavailable) : json(response, 200, online),
    );
    const { value, ms } = await settle(() => senders.get(online.sid));
    expect(value).toEqual(online);
    expect(attempts()).toBe(3);
    expect(ms).toBeLessThan(2_000);
  });

  it('never retries a create after a 500: exactly one attempt, and says why', async () => {
    const { senders, attempts } = await misbehaving((_, response) => json(response, 500, internalError));
    const { error } = await settle(() => senders.create(seed));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect((error as Error).message).toContain(mayHaveBeenApplied);
    expect(attempts()).toBe(1);
  });

  it('never retries an update after a 503, even with a Retry-After', async () => {
    const { senders, attempts } = await misbehaving((_, response) =>
      json(response, 503, serviceUnavailable, retryAfter(0)),
    );
    const { error } = await settle(() => senders.update(online.sid, { profile: { name: 'Acme' } }));
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect((error as Error).message).toContain(mayHaveBeenApplied);
    expect(attempts()).toBe(1);
  });

  it('stops at maxRetries + 1 attempts on a GET that keeps failing', async () => {
    const { senders, attempts } = await misbehaving((_, response) => json(response, 500, internalError));
    const { error } = await settle(() => senders.get(online.sid));
    // The default maxRetries (3), read from the one place that holds it.
    expect(error).toMatchObject({ status: 500, code: 20500, attempts: defaults.maxRetries + 1 });
    expect(attempts()).toBe(defaults.maxRetries + 1);
  });

  it('retries an HTML 502 page from a proxy on a GET, then reports it as an ApiError', async () => {
    const { senders, attempts } = await misbehaving((_, response) =>
      response.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><h1>502 Bad Gateway</h1></html>'),
    );
    const { error } = await settle(() => senders.list());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: undefined, attempts: defaults.maxRetries + 1 });
    expect((error as Error).message).toContain('(text/html body, not a Twilio error)');
    expect(attempts()).toBe(defaults.maxRetries + 1);
  });

  it('counts a DELETE as done when its retry gets 404 after a lost response', async () => {
    const { senders, attempts } = await misbehaving((attempt, response) =>
      attempt === 1 ? response.socket?.destroy() : json(response, 404, notFound),
    );
    const { value, error } = await settle(() => senders.delete(online.sid));
    expect(error).toBeUndefined();
    expect(value).toBeUndefined();
    expect(attempts()).toBe(2);
  });

  it('still reports a 404 on a first DELETE', async () => {
    const { senders, attempts } = await misbehaving((_, response) => json(response, 404, notFound));
    const { error } = await settle(() => senders.delete(online.sid));
    expect(error).toMatchObject({ status: 404, code: 20404 });
    expect(attempts()).toBe(1);
  });

  it('sends once when maxRetries is 0', async () => {
    const { senders, attempts } = await misbehaving((_, response) => json(response, 503, serviceUnavailable), {
      maxRetries: 0,
    });
    const { error } = await settle(() => senders.get(online.sid));
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(attempts()).toBe(1);
  });
});

describe('faults: the connection', () => {
  it('retries a GET whose connection is reset before the response', async () => {
    const { senders, attempts } = await misbehaving((attempt, response) =>
      attempt === 1 ? response.socket?.resetAndDestroy() : json(response, 200, online),
    );
    const { value } = await settle(() => senders.get(online.sid));
    expect(value).toEqual(online);
    expect(attempts()).toBe(2);
  });

  it('does not retry a create whose connection is reset: a NetworkError that says why', async () => {
    const { senders, attempts } = await misbehaving((_, response) => response.socket?.resetAndDestroy());
    const { error } = await settle(() => senders.create(seed));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ method: 'POST', attempts: 1 });
    expect((error as Error).message).toContain(mayHaveBeenApplied);
    expect(attempts()).toBe(1);
  });

  it('retries a GET whose body is cut short by a reset, and gives up with an ApiError that keeps the 200', async () => {
    const { senders, attempts } = await misbehaving(
      (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4000' });
        response.write(JSON.stringify(online).slice(0, 100), () => response.socket?.resetAndDestroy());
      },
      { maxRetries: 2 },
    );
    const { error } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, attempts: 3 });
    expect((error as Error).message).toMatch(/body could not be read.*gave up after 3 attempts$/);
    expect(attempts()).toBe(3);
  });

  it('retries a GET whose body ends early when the connection closes, then succeeds', async () => {
    const { senders, attempts } = await misbehaving((attempt, response) => {
      if (attempt > 1) return json(response, 200, online);
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4000' });
      response.write(JSON.stringify(online).slice(0, 100), () => response.socket?.end());
    });
    const { value } = await settle(() => senders.get(online.sid));
    expect(value).toEqual(online);
    expect(attempts()).toBe(2);
  });

  it('times out each attempt of a server that never answers, and retries a GET', async () => {
    const { senders, attempts } = await misbehaving(() => {}, { timeoutMs: 150, maxRetries: 1 });
    const { error, ms } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, attempts: 2 });
    expect(attempts()).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(3_000);
  });

  it('does not retry a create that timed out', async () => {
    const { senders, attempts } = await misbehaving(() => {}, { timeoutMs: 150 });
    const { error, ms } = await settle(() => senders.create(seed));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    expect((error as Error).message).toBe(`POST /v2/Channels/Senders timed out after 150 ms; ${mayHaveBeenApplied}`);
    expect(attempts()).toBe(1);
    expect(ms).toBeLessThan(2_000);
  });

  it('times out a body that trickles in slower than the timeout', async () => {
    const { senders, attempts } = await misbehaving(
      (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const body = JSON.stringify(online);
        let at = 0;
        const drip = setInterval(() => {
          if (response.destroyed || at >= body.length) return void clearInterval(drip);
          response.write(body[at++]);
        }, 40);
        response.on('close', () => clearInterval(drip));
      },
      { timeoutMs: 300, maxRetries: 1 },
    );
    const { error, ms } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(attempts()).toBe(2);
    expect(ms).toBeLessThan(3_000);
  });
});

describe('faults: bodies', () => {
  it('reports invalid JSON on a 200 as an ApiError with the parse error as its cause', async () => {
    const { senders, attempts } = await misbehaving((_, response) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"sid": "XE'),
    );
    const { error } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, body: '{"sid": "XE', attempts: 1 });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toContain('the 200 response body is not a JSON object (application/json)');
    expect(attempts()).toBe(1);
  });

  it('reports an empty body on a 202 as an ApiError that says the create was applied', async () => {
    const { senders, attempts } = await misbehaving((_, response) =>
      response.writeHead(202, { 'Content-Type': 'application/json' }).end(),
    );
    const { error } = await settle(() => senders.create(seed));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(
      'POST /v2/Channels/Senders → 202 (the 202 response body is empty); the request was applied',
    );
    expect(attempts()).toBe(1);
  });

  it('reads a JSON sender sent with a wrong content type', async () => {
    const { senders, attempts } = await misbehaving((_, response) =>
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end(JSON.stringify(online)),
    );
    const { value } = await settle(() => senders.get(online.sid));
    expect(value).toEqual(online);
    expect(attempts()).toBe(1);
  });

  it('refuses an HTML page answered with 200 and a wrong content type', async () => {
    const { senders, attempts } = await misbehaving((_, response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Sign in to the Wi-Fi</html>'),
    );
    const { error } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain('not a JSON object (text/html)');
    expect(attempts()).toBe(1);
  });

  it('refuses a 200 whose JSON is not an object', async () => {
    const { senders } = await misbehaving((_, response) => json(response, 200, [online]));
    const { error } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(ApiError);
  });

  it('reads a 10 MB body whole', async () => {
    const big = { ...online, profile: { ...online.profile, about: 'x'.repeat(10 * 1024 * 1024) } };
    const { senders, attempts } = await misbehaving((_, response) => json(response, 200, big));
    const { value, ms } = await settle(() => senders.get(online.sid));
    expect(value?.profile?.about).toHaveLength(10 * 1024 * 1024);
    expect(attempts()).toBe(1);
    expect(ms).toBeLessThan(5_000);
  });

  it('times out a 10 MB body that cannot arrive in time, without holding on to it', async () => {
    const { senders, attempts } = await misbehaving(
      (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) });
        response.write('{"sid":"');
      },
      { timeoutMs: 200, maxRetries: 0 },
    );
    const { error } = await settle(() => senders.get(online.sid));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(attempts()).toBe(1);
  });
});

describe('faults: abort', () => {
  it("ends a backoff wait at once with the caller's abort reason", async () => {
    const { senders, attempts } = await misbehaving((_, response) => json(response, 429, rateLimited, retryAfter(20)));
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const pending = settle(() => senders.get(online.sid, { signal: controller.signal }));
    while (attempts() < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(reason);
    const { error, ms } = await pending;
    expect(error).toBe(reason);
    expect(attempts()).toBe(1);
    expect(ms).toBeLessThan(5_000);
  });

  it("ends an attempt in flight with the caller's abort reason, and does not retry", async () => {
    const { senders, attempts } = await misbehaving(() => {});
    const reason = new Error('user cancelled');
    const { error } = await settle(() => senders.get(online.sid, { signal: AbortSignal.timeout(100) }));
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(error).not.toBeInstanceOf(TimeoutError);
    // Aborted once the delete has reached the server (not after a fixed delay, which a loaded machine outruns).
    const controller = new AbortController();
    const pending = settle(() => senders.delete(online.sid, { signal: controller.signal }));
    while (attempts() < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    expect((await pending).error).toBe(reason);
    expect(attempts()).toBe(2);
  });
});
