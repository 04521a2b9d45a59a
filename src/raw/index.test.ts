// whatsapp-senders/raw over real sockets: what reaches the wire, where it may go, and what an error holds.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { responseExample } from '../../contract-tests/spec.js';
import { ApiError, NetworkError, ValidationError } from '../errors.js';
import { accountSid, apiKey, apiSecret, authToken, basic, credentials } from '../test/credentials.js';
import { json, startServer } from '../test/http-server.js';
import type { Sender } from '../types.js';
import { version } from '../user-agent.js';
import { createRawClient } from './index.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const item = '/v2/Channels/Senders/{Sid}';
const sid = { params: { path: { Sid: online.sid } } };
const servers: Awaited<ReturnType<typeof startServer>>[] = [];
const serve = async (handler: Parameters<typeof startServer>[0]) => {
  const server = await startServer(handler);
  servers.push(server);
  return server;
};
/** A server that must never be reached; it answers 200 so that reaching it would look like success. */
const foreign = () => serve((_, response) => json(response, 200, online));

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  vi.unstubAllEnvs();
});

describe('createRawClient over a real socket', () => {
  it('sends HTTP Basic with the Account SID and Auth Token, and the User-Agent, and types the answer', async () => {
    const server = await serve((_, response) => json(response, 200, online));
    const raw = createRawClient({ ...credentials, baseUrl: server.url, userAgentExtension: 'acme/2.1' });
    const { data, error } = await raw.GET(item, sid);
    expect(error).toBeUndefined();
    expect(data?.status).toBe(online.status);
    const [request] = server.received;
    expect(request?.url).toBe(`/v2/Channels/Senders/${online.sid}`);
    expect(request?.headers.authorization).toBe(basic(accountSid, authToken));
    expect(request?.headers['user-agent']).toMatch(new RegExp(`^whatsapp-senders/${version} \\(.+\\) .+ acme/2\\.1$`));
  });

  it('sends the API key and secret when no Auth Token is given, and posts the body as JSON', async () => {
    const server = await serve((_, response) => json(response, 202, online));
    const raw = createRawClient({ accountSid, apiKey, apiSecret, baseUrl: server.url });
    await raw.POST('/v2/Channels/Senders', {
      body: { sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } },
    });
    expect(server.received[0]).toMatchObject({
      method: 'POST',
      body: '{"sender_id":"whatsapp:+15017122661","profile":{"name":"Example Motors"}}',
      headers: { authorization: basic(apiKey, apiSecret), 'content-type': 'application/json' },
    });
  });

  it('reads credentials from the TWILIO_* variables when none are passed, as the main client does', async () => {
    vi.stubEnv('TWILIO_ACCOUNT_SID', accountSid);
    vi.stubEnv('TWILIO_AUTH_TOKEN', authToken);
    const server = await serve((_, response) => json(response, 200, online));
    await createRawClient({ baseUrl: server.url }).GET(item, sid);
    expect(server.received[0]?.headers.authorization).toBe(basic(accountSid, authToken));
  });

  it('refuses a missing credential, a plain-http host off loopback and a base URL with credentials', () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', '');
    expect(() => createRawClient({ accountSid })).toThrow(ValidationError);
    expect(() => createRawClient({ ...credentials, baseUrl: 'http://messaging.example.com' })).toThrow(
      /plain http is allowed only to a loopback host/,
    );
    expect(() => createRawClient({ ...credentials, baseUrl: 'https://user:pass@example.com' })).toThrow(
      /must not carry credentials/,
    );
  });

  it('refuses the options of the main client it does not have, rather than ignore them', () => {
    expect(() => createRawClient({ ...credentials, maxRetries: 5 } as never)).toThrow(
      /\$\.maxRetries: is not an option of createRawClient/,
    );
  });

  it('goes to the regional host for edge and region', async () => {
    const seen: string[] = [];
    const fetch = async (url: Request | string | URL) => {
      seen.push(String(url));
      return Response.json(online);
    };
    await createRawClient({ ...credentials, edge: 'sydney', region: 'au1', fetch }).GET(item, sid);
    expect(seen).toEqual([`https://messaging.sydney.au1.twilio.com/v2/Channels/Senders/${online.sid}`]);
  });

  it('holds no credential that printing the client shows', () => {
    const raw = createRawClient({ ...credentials, baseUrl: 'http://127.0.0.1:9' });
    expect(inspect(raw, { depth: 10, showHidden: true })).not.toContain(authToken);
    expect(JSON.stringify(raw)).not.toContain(authToken);
  });
});

describe('createRawClient and redirects', () => {
  for (const [status, method] of [
    [302, 'GET'],
    [303, 'DELETE'],
    [307, 'POST'],
    [308, 'POST'],
  ] as const) {
    it(`rejects a ${status} to ${method} with an ApiError; the other origin receives nothing`, async () => {
      const elsewhere = await foreign();
      const server = await serve((_, response) => {
        response.writeHead(status, { Location: `${elsewhere.url}/v2/Channels/Senders` });
        response.end();
      });
      const raw = createRawClient({ ...credentials, baseUrl: server.url });
      const call =
        method === 'GET'
          ? raw.GET(item, sid)
          : method === 'DELETE'
            ? raw.DELETE(item, sid)
            : raw.POST('/v2/Channels/Senders', {
                body: { sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } },
              });
      const error = await call.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status, method });
      expect((error as ApiError).message).toContain(`redirected to ${elsewhere.url}/v2/Channels/Senders`);
      expect(server.received).toHaveLength(1);
      expect(elsewhere.received).toEqual([]);
    });
  }

  it('does not follow a redirect even when the call asks to', async () => {
    const elsewhere = await foreign();
    const server = await serve((_, response) => {
      response.writeHead(301, { Location: elsewhere.url });
      response.end();
    });
    const raw = createRawClient({ ...credentials, baseUrl: server.url });
    await expect(raw.GET(item, { ...sid, redirect: 'follow' })).rejects.toThrow(ApiError);
    expect(elsewhere.received).toEqual([]);
  });

  it('redacts a credential the Location echoes', async () => {
    const server = await serve((_, response) => {
      response.writeHead(302, { Location: `http://127.0.0.1:9/next?token=${authToken}` });
      response.end();
    });
    const error = await createRawClient({ ...credentials, baseUrl: server.url })
      .GET(item, sid)
      .catch((reason: unknown) => reason);
    expect((error as ApiError).message).toContain('token=[redacted]');
    expect((error as ApiError).message).not.toContain(authToken);
  });
});

describe('createRawClient sends credentials only to its base URL', () => {
  it('refuses a per-request baseUrl; that host receives nothing', async () => {
    const elsewhere = await foreign();
    const server = await serve((_, response) => json(response, 200, online));
    const raw = createRawClient({ ...credentials, baseUrl: server.url });
    await expect(raw.GET(item, { ...sid, baseUrl: elsewhere.url })).rejects.toThrow(/options\.baseUrl/);
    expect(elsewhere.received).toEqual([]);
    expect(server.received).toEqual([]);
  });

  it("refuses a middleware's change of URL to another origin; that origin receives nothing", async () => {
    const elsewhere = await foreign();
    const server = await serve((_, response) => json(response, 200, online));
    const raw = createRawClient({ ...credentials, baseUrl: `${server.url}/proxy` });
    raw.use({
      onRequest: ({ request }) => new Request(request.url.replace(server.url, elsewhere.url), request),
    });
    await expect(raw.GET(item, sid)).rejects.toThrow(ValidationError);
    expect(elsewhere.received).toEqual([]);
    expect(server.received).toEqual([]);
  });

  it('refuses a per-request fetch, which would send without the client', async () => {
    const server = await serve((_, response) => json(response, 200, online));
    const raw = createRawClient({ ...credentials, baseUrl: server.url });
    await expect(raw.GET(item, { ...sid, fetch: globalThis.fetch })).rejects.toThrow(/options\.fetch/);
    expect(server.received).toEqual([]);
  });

  it("refuses a caller's Authorization header instead of sending it or merging it", async () => {
    const server = await serve((_, response) => json(response, 200, online));
    const raw = createRawClient({ ...credentials, baseUrl: server.url });
    await expect(raw.GET(item, { ...sid, headers: { Authorization: 'Basic other' } })).rejects.toThrow(
      /headers\.authorization/,
    );
    expect(server.received).toEqual([]);
  });

  it('shows middlewares the request without its Authorization header', async () => {
    const server = await serve((_, response) => json(response, 200, online));
    const raw = createRawClient({ ...credentials, baseUrl: server.url });
    const seen: (string | null)[] = [];
    raw.use({ onRequest: ({ request }) => void seen.push(request.headers.get('authorization')) });
    await raw.GET(item, sid);
    expect(seen).toEqual([null]);
    expect(server.received[0]?.headers.authorization).toBe(basic(accountSid, authToken));
  });
});

describe('createRawClient errors', () => {
  it('returns a 4xx as { error, response }, with credentials redacted from the body and headers', async () => {
    const server = await serve((request, response) =>
      json(
        response,
        401,
        { code: 20003, message: `bad credentials: ${request.headers.authorization}`, more_info: '', status: 401 },
        { 'X-Echo': `${request.headers.authorization}` },
      ),
    );
    const { data, error, response } = await createRawClient({ ...credentials, baseUrl: server.url }).GET(item, sid);
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 20003, message: 'bad credentials: Basic [redacted]' });
    expect(response.headers.get('X-Echo')).toBe('Basic [redacted]');
    expect(response.headers.get('Twilio-Request-Id')).toMatch(/^RQ/);
  });

  it.each([
    ['written with \\u escapes', 'plainSECRET0123456789abcdef'],
    ['holding a quote and a backslash, which JSON escapes', 'se"cret\\token-0123456789'],
  ])('redacts a credential the body echoes %s, as the values it parses to', async (_, token) => {
    const escaped = (text: string) =>
      [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const server = await serve((request, response) => {
      const secret =
        Buffer.from(`${request.headers.authorization?.split(' ')[1]}`, 'base64')
          .toString()
          .split(':')[1] ?? '';
      response.writeHead(400, { 'Content-Type': 'application/json' });
      response.end(
        `{"code":20003,"message":"echo ${escaped(secret)}","more_info":${JSON.stringify(secret)},"status":400}`,
      );
    });
    const { error, response } = await createRawClient({ accountSid, authToken: token, baseUrl: server.url }).GET(
      item,
      sid,
    );
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 20003, message: 'echo [redacted]', more_info: '[redacted]' });
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it('rejects with a NetworkError when nothing answers', async () => {
    const server = await serve(() => undefined);
    const { url } = server;
    await server.close();
    const raw = createRawClient({ ...credentials, baseUrl: url });
    await expect(raw.GET(item, sid)).rejects.toThrow(NetworkError);
  });

  it("redacts credentials from the failure of a caller's fetch", async () => {
    const fetch = async (_: unknown, init?: RequestInit) => {
      throw new Error(`cannot send ${new Headers(init?.headers).get('authorization')}`);
    };
    const error = await createRawClient({ ...credentials, baseUrl: 'http://127.0.0.1:9', fetch })
      .GET(item, sid)
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NetworkError);
    expect(inspect(error, { depth: 10 })).toContain('cannot send Basic [redacted]');
    expect(inspect(error, { depth: 10 })).not.toContain(btoa(`${accountSid}:${authToken}`));
  });

  it("rejects with the signal's reason when the caller aborts", async () => {
    const server = await serve(() => undefined); // never answers
    const controller = new AbortController();
    const call = createRawClient({ ...credentials, baseUrl: server.url }).GET(item, {
      ...sid,
      signal: controller.signal,
    });
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 20);
    await expect(call).rejects.toBe(reason);
  });
});
