// Faults scoped by account, and creates counted from the route's answer: over a real socket.
import { afterEach, describe, expect, it } from 'vitest';
import { basic } from '../test/credentials.js';
import type { BareSandbox } from './options.js';
import { startBareSandbox } from './server.js';

const accountA = `AC${'a'.repeat(32)}`;
const accountB = `AC${'b'.repeat(32)}`;
let sandbox: BareSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const list = (url: string, user: string) =>
  fetch(`${url}/v2/Channels/Senders?Channel=whatsapp`, { headers: { authorization: basic(user, 'token') } });
const create = (url: string, user: string, senderId: string) =>
  fetch(`${url}/v2/Channels/Senders`, {
    method: 'POST',
    headers: { authorization: basic(user, 'token'), 'content-type': 'application/json' },
    body: JSON.stringify({ sender_id: senderId, profile: { name: 'Example Motors' } }),
  });

describe('faults scoped by account', () => {
  it('a failNext for account A is not taken by account B', async () => {
    sandbox = await startBareSandbox();
    sandbox.failNext(503, undefined, 1, accountA);
    expect((await list(sandbox.url, accountB)).status).toBe(200);
    expect((await list(sandbox.url, accountA)).status).toBe(503);
    expect((await list(sandbox.url, accountA)).status).toBe(200);
  });

  it('a rate limit for account A refuses none of account B, and so does the control API', async () => {
    sandbox = await startBareSandbox();
    const answer = await fetch(`${sandbox.url}/__sandbox/rate-limit`, {
      method: 'POST',
      body: JSON.stringify({ share: 1, account: accountA }),
    });
    expect(answer.status).toBe(200);
    expect((await list(sandbox.url, accountB)).status).toBe(200);
    expect((await list(sandbox.url, accountA)).status).toBe(429);
    sandbox.rateLimit(0, accountA);
    expect((await list(sandbox.url, accountA)).status).toBe(200);
  });
});

describe('creates counted by the route', () => {
  it('counts a create and a refused duplicate, whatever the refusal says', async () => {
    sandbox = await startBareSandbox();
    const senderId = 'whatsapp:+15550000001';
    expect((await create(sandbox.url, accountA, senderId)).status).toBe(202);
    sandbox.mutateResponses((body) => ({ ...body, message: 'refused' }));
    expect((await create(sandbox.url, accountA, senderId)).status).toBe(400);
    expect(sandbox.traffic.createsOf('', senderId)).toBe(2);
  });
});
