// Credentials stay out of errors and debug lines, even when a server or a proxy echoes them back.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import {
  ApiError,
  createSendersClient,
  type Sender,
  type SenderCreate,
  SendersError,
  ValidationError,
} from './index.js';
import { redactor } from './redact.js';
import { type Handler, lines, localServers, settle } from './test/calls.js';
import { accountSid, apiKeyCredentials, authToken, basic, credentials, secrets } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';
import { leaksIn, produced, record } from './test/leaks.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const sid = online.sid;
const collection = '/v2/Channels/Senders';
const auth = basic(accountSid, authToken);
const serve = localServers();

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers `status` with a body echoing the request's Authorization header, as some proxies do. */
async function echoing(status: number, contentType = 'application/json') {
  server = await startServer((request, response) => {
    const authorization = String(request.headers.authorization);
    const token = atob(authorization.replace('Basic ', '')).split(':')[1];
    const body =
      contentType === 'application/json'
        ? JSON.stringify({ code: 20003, message: `Bad credentials: ${authorization} (${token})`, status })
        : `<html>${authorization} ${token} ${encodeURIComponent(String(token))}</html>`;
    response.writeHead(status, { 'Content-Type': contentType }).end(body);
  });
  return server.url;
}

describe('errors', () => {
  it.each([
    ['Auth Token', credentials],
    ['API key', apiKeyCredentials],
  ])('redact an error body that echoes the %s credentials', async (_, given) => {
    const senders = createSendersClient({ ...given, baseUrl: await echoing(401) });
    const error = await senders.get(online.sid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toMatchObject({ message: 'Bad credentials: Basic [redacted] ([redacted])' });
    expect(leaksIn([error], secrets)).toEqual([]);
  });

  it('redact an HTML body echoed on a 2xx, and the parse error kept as its cause', async () => {
    const senders = createSendersClient({ ...credentials, baseUrl: await echoing(200, 'text/html') });
    const error = (await senders.get(online.sid).catch((caught: unknown) => caught)) as ApiError;
    expect(error.body).toBe('<html>Basic [redacted] [redacted] [redacted]</html>');
    expect(inspect(error, { depth: 10 })).toContain('SyntaxError');
    expect(leaksIn([error], secrets)).toEqual([]);
  });
});

describe('the logger option', () => {
  it('gets a line per attempt, response and retry, with credentials redacted', async () => {
    let attempt = 0;
    server = await startServer((request, response) =>
      ++attempt === 1
        ? json(response, 503, { code: 20503, message: `down; you sent ${request.headers.authorization}` })
        : json(response, 200, online),
    );
    const lines: string[] = [];
    const logger = { debug: (line: string) => void lines.push(line) };
    const senders = createSendersClient({ ...credentials, baseUrl: server.url, logger, backoffBaseMs: 1 });
    await senders.get(online.sid);
    produced.push(...lines);
    const url = `${server.url}/v2/Channels/Senders/${online.sid}`;
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(
      new RegExp(`^whatsapp-senders: GET ${url} attempt 1 \\{.*"Authorization":"Basic \\[redacted\\]"`),
    );
    expect(lines[1]).toMatch(
      /→ 503 in \d+ ms \[request RQ[0-9a-f]{32}\] \{"code":20503,"message":"down; you sent Basic \[redacted\]"\}$/,
    );
    expect(lines[2]).toMatch(/^whatsapp-senders: GET .* retrying in \d+ ms$/);
    expect(lines[3]).toContain('attempt 2');
    expect(lines[4]).toMatch(/→ 200 in \d+ ms \[request RQ[0-9a-f]{32}\]$/);
    expect(leaksIn(lines, secrets)).toEqual([]);
  });

  it('is refused without a debug method', () => {
    expect(() => createSendersClient({ ...credentials, logger: {} as never })).toThrow('$.logger');
  });
});

describe('redactor', () => {
  it('replaces each secret, URL-encoded too, in strings, keys and nested values', () => {
    const redact = redactor(['s3cr/t+token', 'QUM6czNjcg==']);
    expect(redact('a s3cr/t+token b s3cr%2Ft%2Btoken c QUM6czNjcg==')).toBe('a [redacted] b [redacted] c [redacted]');
    expect(redact({ 's3cr/t+token': ['x s3cr/t+token', 1, null, { deep: 'QUM6czNjcg==' }] })).toEqual({
      '[redacted]': ['x [redacted]', 1, null, { deep: '[redacted]' }],
    });
  });
});

describe('the suite-wide leak check', () => {
  const fake = 'meta-test-secret-9c1e';
  it('finds a secret in a message, a cause, a hidden field, or a log line', () => {
    const inMessage = new Error(`token ${fake}`);
    const inCause = new Error('outer', { cause: new Error(fake) });
    const hidden = new Error('quiet');
    Object.defineProperty(hidden, 'secret', { value: fake, enumerable: false });
    const found = leaksIn([inMessage, inCause, hidden, `line ${fake}`, 'clean line', new Error('clean')], [fake]);
    expect(found.map((line) => line.split(' ')[1])).toEqual(['0', '0', '0', '0', '1', '1', '1', '1', '2', '3']);
    // The cause is found in the whole error's inspection and in the cause's own message, stack and string.
    expect(found.filter((line) => line.startsWith('item 1 '))).toEqual([
      'item 1 (Error), its inspect, holds secret #0',
      'item 1 (Error), its cause 1 message, holds secret #0',
      'item 1 (Error), its cause 1 stack, holds secret #0',
      'item 1 (Error), its cause 1 string, holds secret #0',
    ]);
  });

  it('records every error this package makes', () => {
    const before = produced.length;
    const error = new ApiError({ method: 'GET', url: 'https://example.test/x', status: 500, body: {} });
    record('a line');
    expect(produced.slice(before)).toEqual([error, 'a line']);
    expect(error.name).toBe('ApiError');
    expect(JSON.parse(JSON.stringify(error)).name).toBe('ApiError');
  });
});

describe('credentials a server or a proxy echoes', () => {
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
