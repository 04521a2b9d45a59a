import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import { ApiError, createSendersClient, NetworkError, type Sender, type SenderCreate } from './index.js';
import { accountSid, apiKey, apiSecret, authToken, basic, credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const notFound = responseExample<object>('fetchSender', '404', 'not-found');

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createSendersClient over a real socket', () => {
  it('sends HTTP Basic with the Account SID and Auth Token', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    const senders = createSendersClient({ accountSid, authToken, baseUrl: server.url });
    await senders.get(online.sid);
    expect(server.received[0]?.headers.authorization).toBe(basic(accountSid, authToken));
  });

  it('sends HTTP Basic with the API key and secret when no Auth Token is given', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    const senders = createSendersClient({ accountSid, apiKey, apiSecret, baseUrl: server.url });
    await senders.get(online.sid);
    expect(server.received[0]?.headers.authorization).toBe(basic(apiKey, apiSecret));
  });

  it('puts the create body on the wire exactly as given, snake_case keys and all', async () => {
    server = await startServer((_, response) => json(response, 202, online));
    const body = requestExample<SenderCreate>('createSender', 'seed');
    await createSendersClient({ accountSid, authToken, baseUrl: server.url }).create(body);
    const [request] = server.received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v2/Channels/Senders');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toBe(JSON.stringify(body));
  });

  it('updates with a POST to the sender and returns the parsed sender', async () => {
    server = await startServer((_, response) => json(response, 202, { ...online, status: 'VERIFYING' }));
    const senders = createSendersClient({ accountSid, authToken, baseUrl: server.url });
    const sender = await senders.update(online.sid, { configuration: { verification_code: '123456' } });
    expect(sender.status).toBe('VERIFYING');
    expect(server.received[0]).toMatchObject({
      method: 'POST',
      url: `/v2/Channels/Senders/${online.sid}`,
      body: '{"configuration":{"verification_code":"123456"}}',
    });
  });

  it('lists with Channel=whatsapp and the page parameters', async () => {
    const page = responseExample<object>('listSenders', '200', 'first-page');
    server = await startServer((_, response) => json(response, 200, page));
    const senders = createSendersClient({ accountSid, authToken, baseUrl: server.url });
    expect(await senders.list({ pageSize: 2, page: 1, pageToken: 'PTabc' })).toEqual(page);
    expect(server.received[0]?.url).toBe('/v2/Channels/Senders?Channel=whatsapp&PageSize=2&Page=1&PageToken=PTabc');
  });

  it('resolves delete with undefined on 204', async () => {
    server = await startServer((_, response) => {
      response.writeHead(204).end();
    });
    const senders = createSendersClient({ accountSid, authToken, baseUrl: server.url });
    await expect(senders.delete(online.sid)).resolves.toBeUndefined();
    expect(server.received[0]?.method).toBe('DELETE');
  });

  it('raises an ApiError carrying the Twilio error and the request id on a 404', async () => {
    server = await startServer((_, response) => json(response, 404, notFound));
    const senders = createSendersClient({ accountSid, authToken, baseUrl: server.url });
    const error = await senders.get(online.sid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 20404,
      moreInfo: 'https://www.twilio.com/docs/errors/20404',
      requestId: 'RQ0123456789abcdef0123456789abcdef',
      method: 'GET',
      url: `${server.url}/v2/Channels/Senders/${online.sid}`,
      body: notFound,
    });
    expect((error as ApiError).message).toBe(
      `GET /v2/Channels/Senders/${online.sid} → 404 (20404: ${(notFound as { message: string }).message}) [request RQ0123456789abcdef0123456789abcdef]`,
    );
  });

  it('raises an ApiError, not a SyntaxError, for a 200 whose body is not JSON', async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"sid": "XE');
    });
    const senders = createSendersClient({ accountSid, authToken, baseUrl: server.url });
    const error = await senders.get(online.sid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, body: '{"sid": "XE' });
    expect((error as ApiError).cause).toBeInstanceOf(SyntaxError);
  });

  it('raises an ApiError for an HTML error page from a proxy', async () => {
    server = await startServer((_, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Bad Gateway</html>');
    });
    const senders = createSendersClient({ accountSid, authToken, baseUrl: server.url, maxRetries: 0 });
    await expect(senders.get(online.sid)).rejects.toMatchObject({
      status: 502,
      code: undefined,
      body: '<html>Bad Gateway</html>',
    });
  });

  it('raises a NetworkError when nothing listens', async () => {
    server = await startServer(() => {});
    const url = server.url;
    await server.close();
    server = undefined;
    const senders = createSendersClient({ accountSid, authToken, baseUrl: url, maxRetries: 0 });
    const error = await senders.get(online.sid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeDefined();
  });

  it('keeps every credential out of errors and of the client object', async () => {
    server = await startServer((_, response) =>
      json(response, 401, { code: 20003, message: 'Authenticate', status: 401 }),
    );
    for (const options of [
      { accountSid, authToken },
      { accountSid, apiKey, apiSecret },
    ]) {
      const senders = createSendersClient({ ...options, baseUrl: server.url });
      const error = await senders.get(online.sid).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      const seen = [
        String(error),
        (error as Error).stack ?? '',
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        inspect(senders, { depth: 10, showHidden: true }),
      ].join('\n');
      for (const secret of [authToken, apiSecret, basic(accountSid, authToken), basic(apiKey, apiSecret)]) {
        expect(seen).not.toContain(secret);
      }
    }
  });
});

describe('the main client', () => {
  it('has no raw member: openapi-fetch lives in whatsapp-senders/raw', () => {
    expect('raw' in createSendersClient(credentials)).toBe(false);
  });
});
