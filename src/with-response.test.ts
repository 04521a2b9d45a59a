// `.withResponse()` on every call, over real local sockets: the data, the final response and the
// request id, from the same single call as the plain promise.
import { afterEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import { ApiError, type Sender, type SenderCreate, ValidationError } from './index.js';
import { client } from './test/calls.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const notFound = responseExample<object>('fetchSender', '404', 'not-found');
const unavailable = responseExample<object>('fetchSender', '503', 'unavailable');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const requestId = 'RQ0123456789abcdef0123456789abcdef';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('.withResponse()', () => {
  it('resolves to the data, the final response with its body read, and the request id', async () => {
    server = await startServer((_, response) => json(response, 200, online, { 'X-Extra': 'yes' }));
    const { data, response, requestId: id } = await client(server.url).get(online.sid).withResponse();
    expect(data).toEqual(online);
    expect(response.status).toBe(200);
    expect(response.bodyUsed).toBe(true);
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(id).toBe(requestId);
  });

  it('is the same single call as the plain promise: nothing is sent twice', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    const call = client(server.url).get(online.sid);
    const [plain, withResponse] = await Promise.all([call, call.withResponse()]);
    expect(withResponse.data).toBe(plain);
    expect(server.received).toHaveLength(1);
  });

  it('gives the response of the attempt that succeeded after retries', async () => {
    server = await startServer((_, response) =>
      server && server.received.length < 3
        ? json(response, 503, unavailable, { 'Twilio-Request-Id': `RQ${'1'.repeat(32)}` })
        : json(response, 200, online),
    );
    const { response, requestId: id } = await client(server.url).get(online.sid).withResponse();
    expect(server.received).toHaveLength(3);
    expect(response.status).toBe(200);
    expect(id).toBe(requestId);
  });

  it('rejects with the same errors as the plain call: validation before sending, API errors after', async () => {
    server = await startServer((_, response) => json(response, 404, notFound));
    const senders = client(server.url);
    await expect(senders.get('XE1').withResponse()).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
    await expect(senders.get(online.sid).withResponse()).rejects.toBeInstanceOf(ApiError);
  });

  it('is there on every operation: a delete resolves to no data and its 204', async () => {
    server = await startServer((request, response) => {
      if (request.method === 'DELETE') {
        response.writeHead(204, { 'Twilio-Request-Id': requestId });
        response.end();
      } else
        json(response, request.url.includes('Channel=') ? 200 : 202, request.url.includes('Channel=') ? page : online);
    });
    const senders = client(server.url);
    const page = responseExample<object>('listSenders', '200', 'first-page');
    const deleted = await senders.delete(online.sid).withResponse();
    expect(deleted.data).toBeUndefined();
    expect(deleted.response.status).toBe(204);
    expect((await senders.create(seed).withResponse()).response.status).toBe(202);
    expect((await senders.update(online.sid, { friendly_name: 'x' }).withResponse()).response.status).toBe(202);
    expect((await senders.list().withResponse()).data).toEqual(page);
  });
});
