// Which credentials reach the wire: the ones passed win over the TWILIO_* variables, as a set (never
// a key from one and a secret from the other), and a client given every credential never needs to
// read the environment. Over real local sockets, reading the Authorization header each request carried.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { responseExample } from '../contract-tests/spec.js';
import { createSendersClient, type Sender, ValidationError } from './index.js';
import { localServers, settle } from './test/calls.js';
import { accountSid, apiKey, apiSecret, authToken, basic, credentials } from './test/credentials.js';
import { json } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const sid = online.sid;
const auth = basic(accountSid, authToken);
const serve = localServers();
afterEach(() => void vi.unstubAllEnvs());

describe('explicit credentials win over the environment, as a set', () => {
  const envSid = `AC${'e'.repeat(32)}`;
  const stub = () => {
    vi.stubEnv('TWILIO_ACCOUNT_SID', envSid);
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'env-main-auth-token-0000');
    vi.stubEnv('TWILIO_API_KEY', `SK${'e'.repeat(32)}`);
    vi.stubEnv('TWILIO_API_SECRET', 'env-api-secret-0000');
  };

  it.each([
    ['apiKey and apiSecret, with TWILIO_AUTH_TOKEN set', { accountSid, apiKey, apiSecret }, basic(apiKey, apiSecret)],
    ['accountSid and authToken, with TWILIO_API_KEY set', { accountSid, authToken }, auth],
    ['apiKey and apiSecret only: the account from the environment', { apiKey, apiSecret }, basic(apiKey, apiSecret)],
  ])('%s: the wire carries the ones passed', async (_, passed, expected) => {
    stub();
    const server = await serve((_, response) => json(response, 200, online));
    const senders = createSendersClient({ ...passed, baseUrl: server.url });
    await settle(() => senders.get(sid));
    expect(server.received.map((request) => request.headers.authorization)).toEqual([expected]);
  });

  it('refuses authToken together with apiKey: which one is meant cannot be guessed', async () => {
    stub();
    expect(() => createSendersClient({ accountSid, authToken, apiKey, apiSecret })).toThrow(ValidationError);
  });
});

describe('environment access that is not needed', () => {
  it('works with every credential passed when reading the environment throws', async () => {
    const server = await serve((_, response) => json(response, 200, online));
    const env = process.env;
    const denied = new Proxy(env, {
      get: () => {
        throw new Error('NotCapable: Requires env access');
      },
    });
    Object.defineProperty(process, 'env', { value: denied, configurable: true, writable: true });
    try {
      const senders = createSendersClient({ ...credentials, baseUrl: server.url });
      const { value } = await settle(() => senders.get(sid));
      expect(value).toEqual(online);
      // And a missing credential is the usual ValidationError, not the runtime's error.
      expect(() => createSendersClient({ accountSid, baseUrl: server.url })).toThrow(ValidationError);
    } finally {
      Object.defineProperty(process, 'env', { value: env, configurable: true, writable: true });
    }
    expect(server.received.map((request) => request.headers.authorization)).toEqual([auth]);
  });
});
