// The hostile-server catalogue: one case per class of defect of issue 13, each over real local
// sockets. Every case asserts the typed error, the exact requests each server received (a
// foreign-origin server must receive nothing), that no credential shows anywhere in what the
// client produced (message, stack, request id, URL, headers, body, every cause), and a time bound.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import {
  ApiError,
  createSendersClient,
  type Sender,
  type SenderCreate,
  SendersError,
  TimeoutError,
  ValidationError,
} from './index.js';
import { accountSid, apiKey, apiSecret, authToken, basic, credentials, secrets } from './test/credentials.js';
import { json, type Received, startServer } from './test/http-server.js';
import { leaksIn } from './test/leaks.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const created = responseExample<Sender>('createSender', '202', 'created');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const sid = online.sid;
const collection = '/v2/Channels/Senders';
const auth = basic(accountSid, authToken);

type Handler = (request: Received, response: ServerResponse, base: string) => void;
const servers: Awaited<ReturnType<typeof startServer>>[] = [];

/** A local server; `base` in the handler is its own URL, for links back to itself. */
async function serve(handler: Handler) {
  let base = '';
  const server = await startServer((request, response) => handler(request, response, base));
  base = server.url;
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  vi.unstubAllEnvs();
});

/** Runs a call within `boundMs`; its value or its error, how long it took, and what leaked in the error. */
async function settle<T>(call: () => Promise<T>, boundMs = 5_000) {
  const started = performance.now();
  const outcome = await call().then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );
  const ms = performance.now() - started;
  expect(ms, 'time bound').toBeLessThan(boundMs);
  expect(leaksIn([outcome.error], secrets), 'credentials in the error').toEqual([]);
  return { ...outcome, ms };
}

const lines = (request: Received) => `${request.method} ${request.url}`;

describe('1. unknown keys named after Object.prototype members', () => {
  const strict: Handler = (request, response) =>
    json(response, request.body.includes('constructor') || request.body.includes('__proto__') ? 422 : 202, created);

  it.each([
    ['constructor at the top', { ...seed, constructor: 'x' }, '$.constructor'],
    ['toString in profile', { ...seed, profile: { name: 'Acme', toString: 'x' } }, '$.profile.toString'],
    [
      'hasOwnProperty in configuration',
      { ...seed, configuration: { hasOwnProperty: 1 } },
      '$.configuration.hasOwnProperty',
    ],
    [
      '__proto__ in an email',
      JSON.parse(
        '{"sender_id":"whatsapp:+15017122661","profile":{"name":"A","emails":[{"email":"a@b.co","__proto__":{"x":1}}]}}',
      ),
      '$.profile.emails[0]',
    ],
  ])('refuses %s with a ValidationError, and the server receives nothing', async (_, body, path) => {
    const server = await serve(strict);
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error, ms } = await settle(() => senders.create(body as SenderCreate));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path).join(' ')).toContain(path);
    expect(server.received).toEqual([]);
    expect(ms).toBeLessThan(1_000);
  });
});

describe('2. what is validated is what is sent', () => {
  class Draft {
    get sender_id() {
      return 'whatsapp:+15017122661';
    }
  }
  const fickle = () => {
    let reads = 0;
    return {
      sender_id: 'whatsapp:+15017122661',
      profile: {
        get name() {
          return reads++ === 0 ? 'Acme' : { injected: true };
        },
      },
    };
  };
  it.each([
    ['a required field from a getter on the prototype', () => new Draft(), '$.sender_id'],
    ['a toJSON that adds a key', () => ({ ...seed, toJSON: () => ({ ...seed, extra: 1 }) }), '$.extra'],
    ['a Date where an object belongs', () => ({ ...seed, profile: new Date(0) }), '$.profile'],
    ['a String object where an object belongs', () => ({ ...seed, webhook: new String('x') }), '$.webhook'],
    [
      'a getter that throws',
      () => ({
        ...seed,
        get profile(): never {
          throw new Error('no profile');
        },
      }),
      '$.profile',
    ],
    [
      'a Proxy whose trap throws',
      () =>
        new Proxy(seed, {
          ownKeys: () => {
            throw new Error('trap');
          },
        }),
      '$',
    ],
  ])('refuses %s with a ValidationError and sends nothing', async (_, body, path) => {
    const server = await serve((_, response) => json(response, 202, created));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url, validate: true });
    const { error } = await settle(() => senders.create(body() as unknown as SenderCreate));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect(server.received).toEqual([]);
  });

  it('sends exactly what it validated when a getter would answer differently on a second read', async () => {
    const server = await serve((_, response) => json(response, 202, created));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { value } = await settle(() => senders.create(fickle() as SenderCreate));
    expect(value).toEqual(created);
    expect(server.received.map((request) => JSON.parse(request.body))).toEqual([
      { sender_id: 'whatsapp:+15017122661', profile: { name: 'Acme' } },
    ]);
  });
});

describe('3. redirects are never followed', () => {
  it.each([301, 302, 303, 307, 308])(
    'a %i on create to another origin is an ApiError; the other origin receives nothing',
    async (status) => {
      const elsewhere = await serve((_, response) => json(response, 202, { ...created, sid: `XE${'f'.repeat(32)}` }));
      const server = await serve((_, response) => {
        response.writeHead(status, { Location: `${elsewhere.url}${collection}?token=${authToken}` });
        response.end();
      });
      const senders = createSendersClient({ ...credentials, baseUrl: server.url });
      const { error, ms } = await settle(() => senders.create(seed));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(status);
      expect((error as Error).message).toContain('redirected');
      expect((error as Error).message).toContain('[redacted]');
      expect(server.received.map(lines)).toEqual([`POST ${collection}`]);
      expect(elsewhere.received).toEqual([]);
      expect(ms).toBeLessThan(2_000);
    },
  );

  it('a 302 on delete is not turned into a GET that succeeds, and is not retried', async () => {
    const server = await serve((request, response, base) => {
      if (request.method === 'GET') return json(response, 200, online);
      response.writeHead(302, { Location: `${base}${collection}/${sid}` });
      response.end();
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error } = await settle(() => senders.delete(sid));
    expect(error).toBeInstanceOf(ApiError);
    expect(server.received.map(lines)).toEqual([`DELETE ${collection}/${sid}`]);
  });
});

describe('4. iterate() on pages that loop or lie', () => {
  const page = (senders: unknown, next: string | null, extra: object = {}) => ({
    senders,
    meta: {
      page: 0,
      page_size: 1,
      first_page_url: '',
      previous_page_url: null,
      url: '',
      next_page_url: next,
      key: 'senders',
    },
    ...extra,
  });

  it('a page that links to itself is an ApiError after one request', async () => {
    const server = await serve((request, response, base) =>
      json(response, 200, page([online], `${base}${request.url}`)),
    );
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const seen: string[] = [];
    const { error, ms } = await settle(async () => {
      for await (const sender of senders.iterate({ pageSize: 1 })) seen.push(sender.sid);
    });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain('already read');
    expect(seen).toEqual([sid]);
    expect(server.received).toHaveLength(1);
    expect(ms).toBeLessThan(2_000);
  });

  it('two pages that link to each other: two requests, then an ApiError', async () => {
    const server = await serve((request, response, base) => {
      const second = request.url.includes('PageToken=2');
      json(
        response,
        200,
        page([online], `${base}${collection}?Channel=whatsapp&PageSize=1${second ? '' : '&PageToken=2'}`),
      );
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error } = await settle(async () => {
      for await (const _ of senders.iterate({ pageSize: 1 })) void _;
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(server.received).toHaveLength(2);
  });

  it.each([
    ['senders as a string', { senders: 'abc', meta: page([], null).meta }, 'senders is a string'],
    ['no meta', { senders: [online] }, 'meta is missing'],
    ['meta as a list', { senders: [], meta: [] }, 'meta is a list'],
  ])('a page with %s is an ApiError that names it', async (_, body, said) => {
    const server = await serve((_, response) => json(response, 200, body));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const walked: unknown[] = [];
    const { error } = await settle(async () => {
      for await (const sender of senders.iterate()) walked.push(sender);
    });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain(said);
    expect(walked).toEqual([]);
    const listed = await settle(() => senders.list());
    expect(listed.error).toBeInstanceOf(ApiError);
    expect(server.received).toHaveLength(2);
  });
});

describe('5. credentials a server or a proxy echoes', () => {
  const echo: Handler = (request, response) => {
    const token = String(request.headers.authorization);
    response.writeHead(500, {
      'Content-Type': `application/json; echo=${token}`,
      'Twilio-Request-Id': `RQ ${token} ${authToken}`,
      'X-Echo': `${authToken}`,
      Authorization: token,
    });
    response.end(JSON.stringify({ code: 20500, message: `seen ${token}`, nested: [[{ deep: authToken }]] }));
  };

  it('keeps them out of the message, request id, URL, headers and body of an ApiError', async () => {
    const server = await serve(echo);
    const logged: string[] = [];
    const senders = createSendersClient({
      ...credentials,
      baseUrl: server.url,
      maxRetries: 0,
      logger: { debug: (line) => logged.push(line) },
    });
    const { error } = await settle(() => senders.get(sid));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).headers['x-echo']).toBe('[redacted]');
    expect((error as ApiError).headers.authorization).toBe('Basic [redacted]');
    expect(leaksIn(logged, secrets)).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('keeps them out of a Location and of a custom fetch’s cause chain', async () => {
    const server = await serve((_, response) => {
      response.writeHead(302, {
        Location: `https://user:${authToken}@elsewhere.test/${encodeURIComponent(authToken)}`,
      });
      response.end();
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const redirected = await settle(() => senders.get(sid));
    expect(redirected.error).toBeInstanceOf(ApiError);

    const failing = createSendersClient({
      ...credentials,
      baseUrl: server.url,
      maxRetries: 0,
      fetch: async (_, init) => {
        const sent = new Headers(init?.headers).get('authorization');
        throw new TypeError('fetch failed', {
          cause: new Error(`proxy refused ${sent}`, { cause: { token: authToken, list: [auth] } }),
        });
      },
    });
    const failed = await settle(() => failing.get(sid));
    expect(failed.error).toBeInstanceOf(SendersError);
    const cause = (failed.error as Error).cause as Error;
    expect(cause).toBeInstanceOf(TypeError);
    expect((cause.cause as Error).message).toBe('proxy refused Basic [redacted]');
    expect(server.received).toHaveLength(1);
  });

  it('keeps them out of a ValidationError quoting a getter, and of offline reasons the service echoes', async () => {
    const server = await serve((_, response) =>
      json(response, 200, { ...online, status: 'OFFLINE', offline_reasons: [{ code: '1', message: authToken }] }),
    );
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const throwing = {
      ...seed,
      get profile(): never {
        throw new Error(`no profile for ${authToken}`);
      },
    };
    const refused = await settle(() => senders.create(throwing));
    expect(refused.error).toBeInstanceOf(ValidationError);
    expect((refused.error as Error).message).toContain('[redacted]');
    const offline = await settle(() => senders.waitForStatus(sid, ['ONLINE'], { intervalMs: 10 }));
    expect((offline.error as Error).name).toBe('SenderOfflineError');
    expect(server.received.map(lines)).toEqual([`GET ${collection}/${sid}`]);
  });

  it('redacts a logged error body before cutting it, so no part of a token survives the cut', async () => {
    // The token straddles the 500th character of the JSON, where the line is cut.
    const padding = 'x'.repeat(468);
    const server = await serve((_, response) => json(response, 404, { message: padding + authToken + authToken }));
    const logged: string[] = [];
    const senders = createSendersClient({
      ...credentials,
      baseUrl: server.url,
      logger: { debug: (line) => logged.push(line) },
    });
    await settle(() => senders.get(sid));
    const partial = authToken.slice(0, 10);
    expect(logged.join('\n')).not.toContain(partial);
    expect(logged.join('\n')).toContain('[redacted]');
  });
});

describe('6. explicit credentials win over the environment, as a set', () => {
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

describe('7. environment access that is not needed', () => {
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

describe('8. errors of the right kind, that say whether anything was sent', () => {
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

  it.each([
    ['a value fetch refuses', { 'X-Note': 'caf\u20ac' }],
    ['an authorization header of the caller', { authorization: 'Basic bWU6bWU=' }],
    ['a Content-Type of the caller', { 'content-type': 'text/plain' }],
    ['a User-Agent of the caller', { 'USER-AGENT': 'me' }],
  ])('%s is a ValidationError before anything leaves', async (_, headers) => {
    const server = await serve((_, response) => json(response, 200, online));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error } = await settle(() => senders.get(sid, { headers }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(server.received).toEqual([]);
  });
});

describe('9. a sid of . or .. with validate: false', () => {
  it.each(['.', '..', ''])('refuses %j: the path would change', async (bad) => {
    const server = await serve((_, response) => json(response, 200, online));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url, validate: false });
    const calls: (() => Promise<unknown>)[] = [
      () => senders.get(bad),
      () => senders.delete(bad),
      () => senders.update(bad, {}),
    ];
    for (const call of calls) {
      const { error } = await settle(call);
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect(server.received).toEqual([]);
  });
});

describe('10. waitForStatus', () => {
  it('keeps its deadline when a read hangs, and its TimeoutError carries lastStatus', async () => {
    const server = await serve((_, response) => {
      // The first read answers at once; the next hang past the deadline.
      if (server.received.length === 1) return json(response, 200, { ...online, status: 'VERIFYING' });
      setTimeout(() => json(response, 200, { ...online, status: 'VERIFYING' }), 3_000);
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error, ms } = await settle(() =>
      senders.waitForStatus(sid, ['ONLINE'], { intervalMs: 50, maxWaitMs: 600 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).lastStatus).toBe('VERIFYING');
    expect(server.received.map(lines)).toEqual([`GET ${collection}/${sid}`, `GET ${collection}/${sid}`]);
    expect(ms).toBeGreaterThanOrEqual(590);
    expect(ms).toBeLessThan(1_500);
  });

  it.each([[['online']], [['ONLINE', 'LIVE']]])(
    'refuses statuses %j that are not the spec’s, before any read',
    async (statuses) => {
      const server = await serve((_, response) => json(response, 200, online));
      const senders = createSendersClient({ ...credentials, baseUrl: server.url });
      const { error } = await settle(() => senders.waitForStatus(sid, statuses as never, { maxWaitMs: 500 }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(server.received).toEqual([]);
    },
  );
});
