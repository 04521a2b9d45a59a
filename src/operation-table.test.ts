// The client takes each call's method, path, retry safety and 'gone means done' from generated/operations.ts, and
// keeps no credential in the retry settings. The table is replaced here to prove the client reads it.
import { afterEach, expect, it, vi } from 'vitest';
import { responseExample } from '../contract-tests/spec.js';
import type { Sender } from './index.js';
import type { RetryPolicy } from './retry.js';
import { authToken, credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const policies: RetryPolicy[] = [];
vi.mock('../generated/operations.js', async (load) => {
  const actual = await load<typeof import('../generated/operations.js')>();
  // createSender marked safe to repeat, fetchSender not: the opposite of the spec.
  return {
    ...actual,
    operationTable: {
      ...actual.operationTable,
      createSender: { ...actual.operationTable.createSender, retrySafe: true },
      fetchSender: { ...actual.operationTable.fetchSender, retrySafe: false },
      // deleteSender not marked 'gone means done': a 404 after a lost answer stays a 404.
      deleteSender: { ...actual.operationTable.deleteSender, goneMeansDone: false },
    },
  };
});
vi.mock('./retry.js', async (load) => {
  const actual = await load<typeof import('./retry.js')>();
  return {
    ...actual,
    decide: (...args: Parameters<typeof actual.decide>) => {
      policies.push(args[3]);
      return actual.decide(...args);
    },
  };
});
const { createSendersClient } = await import('./index.js');

const online = responseExample<Sender>('fetchSender', '200', 'online');
const unavailable = responseExample<object>('fetchSender', '503', 'unavailable');

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('retries as the table says, not as the method suggests', async () => {
  server = await startServer((_, response) =>
    server && server.received.length !== 2 ? json(response, 503, unavailable) : json(response, 202, online),
  );
  const senders = createSendersClient({ ...credentials, baseUrl: server.url, backoffBaseMs: 1 });
  await senders.create({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } });
  expect(server.received.map((request) => request.method)).toEqual(['POST', 'POST']);
  await expect(senders.get(online.sid)).rejects.toMatchObject({ status: 503, attempts: 1 });
});

it('keeps no credential in the settings the retry policy sees', async () => {
  server = await startServer((_, response) => json(response, 503, unavailable));
  const senders = createSendersClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
  await senders.get(online.sid).catch(() => undefined);
  expect(policies.length).toBeGreaterThan(0);
  for (const policy of policies) {
    expect(JSON.stringify(policy)).not.toContain(authToken);
    expect(JSON.stringify(policy)).not.toContain(credentials.accountSid);
  }
});

it("reads 'gone means done' from the table: a delete without it rejects the 404 after a 500", async () => {
  server = await startServer((_, response) =>
    server && server.received.length === 1
      ? json(response, 500, { code: 20500, message: 'internal' })
      : json(response, 404, { code: 20404, message: 'not found' }),
  );
  const senders = createSendersClient({ ...credentials, baseUrl: server.url, backoffBaseMs: 1 });
  await expect(senders.delete(online.sid)).rejects.toMatchObject({ status: 404 });
  expect(server.received.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
});
