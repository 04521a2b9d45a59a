// The sandbox alone (validate: false), over real sockets, as a user's test would meet it: what the
// spec forbids gets a Twilio-shaped 400, nothing a request does can crash its host, and accounts
// are kept apart.
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { requestRules } from '../../generated/request-rules.js';
import { ApiError, createSendersClient } from '../index.js';
import { accountSid, authToken, basic } from '../test/credentials.js';
import { expectClosedHere } from '../test/listener.js';
import { type Sandbox, startSandbox } from './index.js';

let sandbox: Sandbox;
afterEach(() => sandbox?.close());

const auth = { Authorization: basic(accountSid, authToken), 'Content-Type': 'application/json' };
const senderId = (n: number) => `whatsapp:+1555${String(n).padStart(7, '0')}`;

/** One raw request; resolves to the status and the parsed body. */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = auth) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const twilioBody = (status: number) => ({
  status,
  code: expect.any(Number),
  message: expect.any(String),
  more_info: expect.stringMatching(/^https:\/\/www\.twilio\.com\/docs\/errors\/\d+$/),
});

describe('requests the spec forbids, with validate: false', () => {
  it.each([
    ['a number as a URL', { webhook: { callback_url: 42 } }, 'webhook.callback_url'],
    [
      'an unknown verification method',
      { configuration: { verification_method: 'carrier-pigeon' } },
      'verification_method',
    ],
    ['an email entry without email', { profile: { emails: [{ label: 'Support' }] } }, 'emails[0].email'],
    ['a misspelt key', { profile: { displayName: 'Acme' } }, 'displayName'],
    ['a profile without a name', { profile: { about: 'Cars' } }, 'profile.name'],
    ['configuration as a string', { configuration: 'sms' }, 'configuration'],
  ])('answers %s with a Twilio 400 naming the field, and stores nothing', async (_, extra, field) => {
    sandbox = await startSandbox({ validate: false });
    const answer = await call('POST', '/v2/Channels/Senders', {
      sender_id: senderId(1),
      profile: { name: 'Example Motors' },
      ...extra,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(twilioBody(400));
    expect(answer.body.message).toContain(field);
    expect(sandbox.senders.size).toBe(0);
  });

  it('takes configuration: null, which the spec allows, without crashing, and goes on serving', async () => {
    sandbox = await startSandbox({ validate: false });
    const answer = await call('POST', '/v2/Channels/Senders', {
      sender_id: senderId(1),
      profile: { name: 'Example Motors' },
      configuration: null,
    });
    expect(answer.status).toBe(202);
    expect((await call('GET', `/v2/Channels/Senders/${answer.body.sid}`)).status).toBe(200);
  });

  it('answers a body that is not an object, a bad page size and a malformed sid with 400', async () => {
    sandbox = await startSandbox({ validate: false });
    for (const [method, path, body] of [
      ['POST', '/v2/Channels/Senders', '"whatsapp:+15551234567"'],
      ['POST', '/v2/Channels/Senders', '[]'],
      ['GET', '/v2/Channels/Senders?Channel=whatsapp&PageSize=0', undefined],
      ['GET', '/v2/Channels/Senders?Channel=whatsapp&PageSize=ten', undefined],
      ['GET', '/v2/Channels/Senders?Channel=sms', undefined],
      ['GET', '/v2/Channels/Senders/XE123', undefined],
    ] as const) {
      const answer = await call(method, path, body);
      expect({ path, body, status: answer.status }).toEqual({ path, body, status: 400 });
      expect(answer.body).toEqual(twilioBody(400));
    }
  });
});

describe('with Prism in front (validate: true, the default)', () => {
  it("answers a body the spec forbids with the Twilio 400 the spec documents, not Prism's 422", async () => {
    sandbox = await startSandbox();
    const answer = await call('POST', '/v2/Channels/Senders', {
      sender_id: senderId(1),
      profile: { name: 'Example Motors' },
      webhook: { callback_url: 5 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(twilioBody(400));
    expect(answer.body.message).toContain('callback_url');
  });
});

describe('nothing a request does crashes the host', () => {
  it('answers 500 with a Twilio body when a handler fails, and goes on serving', async () => {
    sandbox = await startSandbox({ validate: false });
    sandbox.mutateResponses(() => {
      throw new Error('a broken change');
    });
    const failed = await call('GET', '/v2/Channels/Senders?Channel=whatsapp');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ ...twilioBody(500), code: 20500 });
    sandbox.mutateResponses((body) => body);
    expect((await call('GET', '/v2/Channels/Senders?Channel=whatsapp')).status).toBe(200);
  });

  it('answers a body over its 1 MiB bound with a Twilio 400, and goes on serving', async () => {
    sandbox = await startSandbox({ validate: false });
    const huge = JSON.stringify({ sender_id: 'x'.repeat(2 * 2 ** 20) });
    const answer = await call('POST', '/v2/Channels/Senders', huge);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(twilioBody(400));
    expect((await call('GET', '/v2/Channels/Senders?Channel=whatsapp')).status).toBe(200);
  });

  it('drops an upload aborted halfway, and goes on serving', async () => {
    sandbox = await startSandbox({ validate: false });
    const { port } = new URL(sandbox.url);
    await new Promise<void>((resolve) => {
      const upload = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v2/Channels/Senders',
        headers: { ...auth, 'Content-Length': '1000' },
      });
      upload.on('error', () => resolve());
      upload.write('{"sender_id": "whatsapp:+1555');
      setTimeout(() => {
        upload.destroy();
        resolve();
      }, 50);
    });
    // Long enough for the sandbox to see the abort before the next request.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await call('GET', '/v2/Channels/Senders?Channel=whatsapp')).status).toBe(200);
    expect(sandbox.senders.size).toBe(0);
  });

  it('refuses accounts that are not sids with tokens, and a code that is not a string, at the call', async () => {
    await expect(startSandbox({ validate: false, accounts: { acme: 'token' } })).rejects.toThrow(RangeError);
    await expect(startSandbox({ validate: false, accounts: { [accountSid]: '' } })).rejects.toThrow(TypeError);
    await expect(startSandbox({ validate: false, verificationCode: 5 as never })).rejects.toThrow(TypeError);
  });

  it('refuses failNext outside 400-599 at the call, and through the control API with a 400', async () => {
    sandbox = await startSandbox({ validate: false });
    for (const status of [99, 200, 399, 600, 1e9, Number.NaN, 429.5]) {
      expect(() => sandbox.failNext(status)).toThrow(RangeError);
    }
    expect(() => sandbox.failNext(503, 20503, 0)).toThrow(RangeError);
    const refused = await fetch(`${sandbox.url}/__sandbox/fail-next`, {
      method: 'POST',
      body: JSON.stringify({ status: 99 }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      message: expect.stringContaining('status must be a whole number from 400'),
    });
    sandbox.failNext(503);
    expect((await call('GET', '/v2/Channels/Senders?Channel=whatsapp')).status).toBe(503);
    expect((await call('GET', '/v2/Channels/Senders?Channel=whatsapp')).status).toBe(200);
  });

  it('refuses a PageToken it did not give, however large, with a 400', async () => {
    sandbox = await startSandbox({ validate: false });
    const token = (text: string) => `PT${Buffer.from(text).toString('base64url')}`;
    for (const given of [token('1'.repeat(24)), token('1e+23'), token('-5'), 'PT', 'garbage', 'PT!!']) {
      const answer = await call('GET', `/v2/Channels/Senders?Channel=whatsapp&PageToken=${encodeURIComponent(given)}`);
      expect({ given, status: answer.status }).toEqual({ given, status: 400 });
      expect(JSON.stringify(answer.body)).not.toMatch(/e\+/);
    }
  });
});

describe('pages', () => {
  it("walks every page by next_page_url, each URL with whole numbers, the spec's default page size first", async () => {
    sandbox = await startSandbox({ validate: false });
    const senders = createSendersClient({ accountSid, authToken, baseUrl: sandbox.url });
    for (let n = 1; n <= 7; n++) await senders.create({ sender_id: senderId(n), profile: { name: 'Example Motors' } });
    const first = await call('GET', '/v2/Channels/Senders?Channel=whatsapp');
    expect(first.body.meta.page_size).toBe(requestRules.operations.listSenders.query.PageSize.schema.default);
    expect(first.body.senders).toHaveLength(7);
    const seen: string[] = [];
    for await (const sender of senders.iterate({ pageSize: 3 })) seen.push(sender.sender_id);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => senderId(i + 1)));
    const second = await call('GET', '/v2/Channels/Senders?Channel=whatsapp&PageSize=3');
    expect(second.body.meta.next_page_url).toMatch(/[?&]Page=1&PageToken=PT[A-Za-z0-9_-]+$/);
  });
});

describe('accounts', () => {
  const one = `AC${'1'.repeat(32)}`;
  const two = `AC${'2'.repeat(32)}`;

  it("keeps each account's senders apart by the Basic user name, and answers 401 to unknown credentials", async () => {
    sandbox = await startSandbox({ validate: false, accounts: { [one]: 'token-one', [two]: 'token-two' } });
    const first = createSendersClient({ accountSid: one, authToken: 'token-one', baseUrl: sandbox.url });
    const second = createSendersClient({ accountSid: two, authToken: 'token-two', baseUrl: sandbox.url });
    const mine = await first.create({ sender_id: senderId(1), profile: { name: 'Example Motors' } });
    // The same number in another account is another sender.
    const theirs = await second.create({ sender_id: senderId(1), profile: { name: 'Example Motors' } });
    expect(mine.sid).not.toBe(theirs.sid);
    expect((await first.list()).senders.map((sender) => sender.sid)).toEqual([mine.sid]);
    expect((await second.list()).senders.map((sender) => sender.sid)).toEqual([theirs.sid]);
    await expect(second.get(mine.sid)).rejects.toMatchObject({ status: 404, code: 20404 });
    expect([...sandbox.sendersOf(one).keys()]).toEqual([mine.sid]);
    expect(sandbox.senders.size).toBe(2);

    for (const wrong of [
      { accountSid: one, authToken: 'token-two' },
      { accountSid: `AC${'3'.repeat(32)}`, authToken: 'token-one' },
    ]) {
      const stranger = createSendersClient({ ...wrong, baseUrl: sandbox.url, maxRetries: 0 });
      const error = await stranger.list().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 401, code: 20003 });
    }
    const anonymous = await call('GET', '/v2/Channels/Senders?Channel=whatsapp', undefined, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ ...twilioBody(401), code: 20003 });
  });

  it('accepts any Basic credentials, all in one store, without accounts', async () => {
    sandbox = await startSandbox({ validate: false });
    const first = createSendersClient({ accountSid: one, authToken: 'a', baseUrl: sandbox.url });
    const second = createSendersClient({ accountSid: two, authToken: 'b', baseUrl: sandbox.url });
    const created = await first.create({ sender_id: senderId(1), profile: { name: 'Example Motors' } });
    expect((await second.get(created.sid)).sid).toBe(created.sid);
  });
});

describe('latency and the one-time password', () => {
  it('waits latencyMs before every answer', async () => {
    sandbox = await startSandbox({ validate: false, latencyMs: 150 });
    const started = performance.now();
    expect((await call('GET', '/v2/Channels/Senders?Channel=whatsapp')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
  });

  it('refuses a wrong code with a 400 and keeps the sender PENDING_VERIFICATION', async () => {
    sandbox = await startSandbox({ validate: false, verificationCode: '654321' });
    const senders = createSendersClient({ accountSid, authToken, baseUrl: sandbox.url });
    const { sid } = await senders.create({ sender_id: senderId(1), profile: { name: 'Example Motors' } });
    const wrong = await senders.update(sid, { configuration: { verification_code: '123456' } }).catch((e) => e);
    expect(wrong).toMatchObject({ status: 400 });
    expect((await senders.get(sid)).status).toBe('PENDING_VERIFICATION');
    expect((await senders.update(sid, { configuration: { verification_code: '654321' } })).status).toBe('VERIFYING');
  });

  it('closes once, however often close() is called', async () => {
    sandbox = await startSandbox({ validate: false });
    await Promise.all([sandbox.close(), sandbox.close()]);
    await sandbox.close();
    await expectClosedHere(sandbox.url);
  });
});
