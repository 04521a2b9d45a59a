// The error family (src/errors.ts), over real local sockets: each failure is of the right class, its
// message reads the service's error body, and an error after a write says whether it was applied.
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
import { client, lines, localServers, settle } from './test/calls.js';
import { authToken, basic, credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const notFound = responseExample<object>('fetchSender', '404', 'not-found');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const sid = online.sid;
const collection = '/v2/Channels/Senders';
const requestId = 'RQ0123456789abcdef0123456789abcdef';
const serve = localServers();

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
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

describe('error messages', () => {
  it.each([
    [{ code: 20404, message: '', detail: 'No such sender', title: 'Not Found' }, '20404: No such sender'],
    [{ code: 20404, detail: ' ', title: 'Not Found' }, '20404: Not Found'],
  ])('passes over an empty message to detail, then title: %j', async (error, expected) => {
    server = await startServer((_, response) => json(response, 404, error));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const caught = await senders.get(sid).catch((thrown: unknown) => thrown);
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).message).toContain(expected);
  });
});

describe('errors of the right kind, that say whether anything was sent', () => {
  it('a deeply nested error body is an ApiError, not a RangeError', async () => {
    const depth = 200_000;
    const server = await serve((_, response) => {
      response.writeHead(400, { 'Content-Type': 'application/json' });
      response.end(`${'['.repeat(depth)}"${authToken}"${']'.repeat(depth)}`);
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error, ms } = await settle(() => senders.get(sid));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(server.received).toHaveLength(1);
    expect(ms).toBeLessThan(5_000);
  });

  it.each([
    ['a body that is not JSON', 'created!', 'not a JSON object'],
    ['a body without a sid', '{}', 'no sid'],
  ])('register whose create answers 202 with %s says the create was applied', async (_, body, said) => {
    const server = await serve((_, response) => {
      response.writeHead(202, { 'Content-Type': 'application/json' });
      response.end(body);
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error } = await settle(() => senders.register(seed, { intervalMs: 10, maxWaitMs: 1_000 }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(said);
    expect((error as Error).message).toContain('the request was applied');
    expect(server.received.map(lines)).toEqual([`POST ${collection}`]);
  });
});
