// Where a request may go with the credentials, through the main client over real local sockets: a
// redirect is never followed (the other origin receives nothing, and the Location is redacted), and a
// sid of `.` or `..` never changes the path, even with validate: false.
import { describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../../contract-tests/spec.js';
import { ApiError, createSendersClient, type Sender, type SenderCreate, ValidationError } from '../index.js';
import { lines, localServers, settle } from '../test/calls.js';
import { authToken, credentials } from '../test/credentials.js';
import { json } from '../test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const created = responseExample<Sender>('createSender', '202', 'created');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const sid = online.sid;
const collection = '/v2/Channels/Senders';
const serve = localServers();

describe('redirects are never followed', () => {
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

describe('a sid of . or .. with validate: false', () => {
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
