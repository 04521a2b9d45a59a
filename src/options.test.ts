// Defects an outside tester found in the client's options and error reading, each over a real socket:
// nothing the caller cannot send leaves as a half-sent request, a misspelt option is never silently
// replaced by the environment or the default host, and a failing logger never hides an applied write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createSendersClient, ValidationError } from './index.js';
import { accountSid, apiKey, apiSecret, authToken, basic, credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const sid = `XE${'0123456789abcdef'.repeat(2)}`;
const sender = { sid, status: 'CREATING', sender_id: 'whatsapp:+15017122661' };
const body = { sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } };
let server: Awaited<ReturnType<typeof startServer>>;
let answer: (response: import('node:http').ServerResponse) => void;

beforeEach(async () => {
  answer = (response) => json(response, 202, sender);
  server = await startServer((_, response) => answer(response));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe('client options', () => {
  it.each([
    ['a line break', 'acme/1.0\nX-Injected: yes'],
    ['a NUL', 'acme\u0000'],
    ['a character past Latin-1', 'acme-€'],
  ])('refuses a userAgentExtension with %s at construction, before anything is sent', (_, extension) => {
    expect(() => createSendersClient({ ...credentials, baseUrl: server.url, userAgentExtension: extension })).toThrow(
      ValidationError,
    );
    expect(server.received).toHaveLength(0);
  });

  it.each([
    ['apikey', { apikey: apiKey, apisecret: apiSecret }],
    ['authtoken', { authtoken: 'mine' }],
    ['baseURL', { baseURL: 'http://127.0.0.1:9' }],
    ['timeout', { timeout: 5 }],
  ])('refuses the unknown option %s instead of using the environment or the default host', (name, extra) => {
    vi.stubEnv('TWILIO_ACCOUNT_SID', accountSid);
    vi.stubEnv('TWILIO_AUTH_TOKEN', authToken);
    const error = (() => {
      try {
        createSendersClient({ accountSid, baseUrl: server.url, ...extra } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(`$.${name}`);
  });

  it('still takes every documented option', async () => {
    const senders = createSendersClient({
      ...credentials,
      baseUrl: server.url,
      userAgentExtension: 'acme-onboarding/2.1',
      timeoutMs: 5_000,
      maxRetries: 1,
      backoffBaseMs: 10,
      backoffCapMs: 100,
      maxRetryDelayMs: 1_000,
      validate: true,
      logger: { debug: () => undefined },
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    await senders.create(body);
    expect(server.received[0]?.headers.authorization).toBe(basic(accountSid, authToken));
    expect(server.received[0]?.headers['user-agent']).toContain('acme-onboarding/2.1');
  });
});

describe('a logger that throws', () => {
  it('loses its lines, never the call: the applied create resolves to the sender', async () => {
    const senders = createSendersClient({
      ...credentials,
      baseUrl: server.url,
      maxRetries: 0,
      logger: {
        debug() {
          throw new Error('log sink down');
        },
      },
    });
    await expect(senders.create(body)).resolves.toMatchObject({ sid });
    expect(server.received).toHaveLength(1);
  });
});

describe('error messages', () => {
  it.each([
    [{ code: 20404, message: '', detail: 'No such sender', title: 'Not Found' }, '20404: No such sender'],
    [{ code: 20404, detail: ' ', title: 'Not Found' }, '20404: Not Found'],
  ])('passes over an empty message to detail, then title: %j', async (error, expected) => {
    answer = (response) => json(response, 404, error);
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const caught = await senders.get(sid).catch((thrown: unknown) => thrown);
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).message).toContain(expected);
  });
});

describe('the wait options of register and verify', () => {
  it.each([
    ['a negative maxWaitMs', { maxWaitMs: -1 }],
    ['a maxWaitMs that is not a number', { maxWaitMs: Number.NaN }],
    ['an intervalMs of 0', { intervalMs: 0 }],
    ['an onStatus that is not a function', { onStatus: 'x' }],
  ])('refuses %s before the write is sent', async (_, options) => {
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    await expect(senders.register(body, options as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(senders.verify(sid, '123456', options as never)).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
  });
});

describe('one message per mistake', () => {
  it.each([
    ['senderId', { senderId: 'whatsapp:+15017122661', profile: { name: 'A' } }, '$.senderId', 'sender_id'],
    ['profile.Name', { sender_id: 'whatsapp:+15017122661', profile: { Name: 'A' } }, '$.profile.Name', 'name'],
  ])('a misspelt required key (%s) is one issue that says what was meant', async (_, wrong, path, meant) => {
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const caught = await senders.create(wrong as never).catch((thrown: unknown) => thrown);
    expect(caught).toBeInstanceOf(ValidationError);
    const { issues } = caught as ValidationError;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(`did you mean \`${meant}\`?`);
    expect(server.received).toHaveLength(0);
  });

  it('a signal that is not an AbortSignal is one issue', async () => {
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const caught = await senders.get(sid, { signal: 'x' as never }).catch((thrown: unknown) => thrown);
    expect((caught as ValidationError).issues).toHaveLength(1);
    expect(server.received).toHaveLength(0);
  });
});
