// The client's options (src/options.ts), over a real socket: each documented option is taken; an
// unknown or malformed one is refused at construction, never silently replaced by the environment or
// the default host; per-call options override the client's; a failing logger never hides an applied
// write. (A caller's header the client cannot send: src/prepare.test.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { responseExample } from '../contract-tests/spec.js';
import { createSendersClient, type Sender, ValidationError } from './index.js';
import { client } from './test/calls.js';
import { accountSid, apiKey, apiSecret, authToken, basic, credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const sid = `XE${'0123456789abcdef'.repeat(2)}`;
const sender = { sid, status: 'CREATING', sender_id: 'whatsapp:+15017122661' };
const body = { sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } };
const online = responseExample<Sender>('fetchSender', '200', 'online');
const unavailable = responseExample<object>('fetchSender', '503', 'unavailable');
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

describe('the logger option', () => {
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

describe('call options', () => {
  it('maxRetries per call overrides the client’s, both ways', async () => {
    answer = (response) => json(response, 503, unavailable);
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
    answer = (response) => json(response, 200, online);
    await expect(client(server.url).get(online.sid, { maxRetries: -1 })).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
  });
});
