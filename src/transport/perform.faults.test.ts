// How the main client's calls end over the transport, against hostile local servers: retries that
// follow the status a cut body kept, writes that say they were applied, failures that say nothing
// was sent, server text shown escaped, and one caller's signal shared by a thousand calls.
import { afterEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../../contract-tests/spec.js';
import { errorLine } from '../cli/format.js';
import {
  ApiError,
  createSendersClient,
  NetworkError,
  type Sender,
  type SenderCreate,
  ValidationError,
} from '../index.js';
import { credentials } from '../test/credentials.js';
import { json, startServer } from '../test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const created = responseExample<Sender>('createSender', '202', 'created');
const seed = requestExample<SenderCreate>('createSender', 'seed');

const servers: Awaited<ReturnType<typeof startServer>>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
/** A server whose answer to attempt `n` (1 for the first) is `answer(n, response)`, and a fast-retrying client of it. */
async function serving(answer: (attempt: number, response: import('node:http').ServerResponse) => void) {
  const server = await startServer((_, response) => answer(server.received.length, response));
  servers.push(server);
  const senders = createSendersClient({ ...credentials, baseUrl: server.url, backoffBaseMs: 1 });
  return { server, senders };
}
const failure = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => error,
  );
/** Writes the head of `status` and part of its body, then resets the connection. */
const cut = (status: number) => (_: number, response: import('node:http').ServerResponse) => {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': '4000' });
  response.write('{"code":', () => response.socket?.resetAndDestroy());
};

describe('bounded reads', () => {
  it('does not send a GET again after its answer was too large', async () => {
    const { server, senders } = await serving((_, response) =>
      json(response, 200, { ...online, about: 'x'.repeat(5_000) }),
    );
    const small = createSendersClient({ ...credentials, baseUrl: server.url, maxResponseBytes: 1_000 });
    expect(await failure(small.get(online.sid))).toBeInstanceOf(ApiError);
    expect(server.received).toHaveLength(1);
    expect(await senders.get(online.sid)).toMatchObject({ sid: online.sid });
  });

  it('derives its default bound from the largest page the spec allows', async () => {
    const { defaults } = await import('../defaults.js');
    expect(defaults.maxResponseBytes).toBe(1_000 * 16_384);
  });
});

describe('shapes', () => {
  it('register rejects with an ApiError that says the create was applied when it is answered 204', async () => {
    const { senders } = await serving((_, response) => response.writeHead(204).end());
    const error = await failure(senders.register(seed, { maxWaitMs: 1_000 }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/the request was applied/);
  });

  it('iterate() rejects with an ApiError, not a TypeError, on a 204 page', async () => {
    const { senders } = await serving((_, response) => response.writeHead(204).end());
    const error = await failure(
      (async () => {
        for await (const _ of senders.iterate()) break;
      })(),
    );
    expect(error).toBeInstanceOf(ApiError);
  });

  it('delete().withResponse() resolves with the 404 when a retried delete finds the sender gone', async () => {
    const { senders } = await serving((attempt, response) =>
      attempt === 1 ? json(response, 500, { code: 20500, message: 'internal' }) : json(response, 404, { code: 20404 }),
    );
    const { data, response } = await senders.delete(online.sid).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
  });

  it('keeps a 404 after a 429 a 404: a refused delete cannot have been applied (nothingApplied)', async () => {
    const { server, senders } = await serving((attempt, response) =>
      attempt === 1
        ? json(response, 429, { code: 20429 }, { 'Retry-After': '0' })
        : json(response, 404, { code: 20404 }),
    );
    await expect(senders.delete(online.sid)).rejects.toMatchObject({ status: 404 });
    expect(server.received).toHaveLength(2);
  });
});

describe('a cut body keeps its status', () => {
  it('retries a 429 whose body is cut, as a 429', async () => {
    const { server, senders } = await serving((attempt, response) =>
      attempt === 1 ? cut(429)(attempt, response) : json(response, 202, created),
    );
    expect(await senders.create(seed)).toMatchObject({ sid: created.sid });
    expect(server.received).toHaveLength(2);
  });

  it('does not retry a 404 whose body is cut, and keeps it a 404', async () => {
    const { server, senders } = await serving(cut(404));
    const error = await failure(senders.get(online.sid));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('keeps a refused create a refusal, not "may have been applied"', async () => {
    const { senders } = await serving(cut(400));
    const error = await failure(senders.create(seed));
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).not.toMatch(/may have been applied/);
  });
});

describe('a request that was never sent', () => {
  it('is sent again, even a create, within maxRetries, and says it was not sent', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const senders = createSendersClient({ ...credentials, baseUrl: closed.url, backoffBaseMs: 1, maxRetries: 2 });
    const error = await failure(senders.create(seed));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ attempts: 3 });
    expect((error as Error).message).toMatch(/gave up after 3 attempts; the request was not sent$/);
  });

  it('stays "may have been applied" for a custom fetch whose failure carries no code', async () => {
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    };
    const senders = createSendersClient({ ...credentials, baseUrl: 'http://127.0.0.1:9', fetch });
    const error = await failure(senders.create(seed));
    expect(error).toMatchObject({ attempts: 1 });
    expect((error as Error).message).toMatch(/may have been applied/);
  });
});

describe('server text is shown escaped', () => {
  const forged = 'bad\n✔ XE00000000000000000000000000000000: ONLINE\u001b[32m\r\u0085\u202e';
  it('in the message of an ApiError and in the CLI line, more_info included', async () => {
    const { senders } = await serving((_, response) =>
      json(response, 400, { code: 21211, message: forged, more_info: `https://x/\n✔ forged` }),
    );
    const error = await failure(senders.get(online.sid));
    const line = errorLine(error);
    for (const text of [(error as Error).message, line]) {
      for (const char of '\n\r\u001b\u0085\u202e') expect(text).not.toContain(char);
      expect(text).toContain('bad%0A✔ XE');
    }
  });
});

describe('signals', () => {
  it('lets 1,000 calls share one signal through a 429 burst without a MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      // Each call's first attempt is a 429 (told apart by its sid), its second a 200.
      const seen = new Set<string>();
      const server = await startServer((request, response) => {
        if (seen.has(request.url)) return json(response, 200, online);
        seen.add(request.url);
        json(response, 429, { code: 20429 }, { 'Retry-After': '0' });
      });
      servers.push(server);
      const senders = createSendersClient({ ...credentials, baseUrl: server.url });
      const { signal } = new AbortController();
      const sid = (n: number) => `XE${n.toString(16).padStart(32, '0')}`;
      const all = await Promise.all(Array.from({ length: 1_000 }, (_, n) => senders.get(sid(n), { signal })));
      expect(all).toHaveLength(1_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  }, 120_000);
});

describe('options that would do nothing are refused', () => {
  it('refuses an Accept header, as every other header the client sets', async () => {
    const { server, senders } = await serving((_, response) => json(response, 200, online));
    expect(await failure(senders.get(online.sid, { headers: { Accept: 'text/html' } }))).toBeInstanceOf(
      ValidationError,
    );
    expect(server.received).toHaveLength(0);
  });

  it('sends the headers of a Headers instance rather than none', async () => {
    const { server, senders } = await serving((_, response) => json(response, 200, online));
    await senders.get(online.sid, { headers: new Headers({ Prefer: 'code=200' }) });
    expect(server.received[0]?.headers.prefer).toBe('code=200');
  });
});
