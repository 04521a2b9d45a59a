// Building a request in one pass (src/prepare.ts): what is validated is what is sent. Keys named after
// Object.prototype members, getters, toJSON, wrapper objects and Proxies are refused with a
// ValidationError or read once; a caller's header that is one of ours, or that fetch would refuse, is
// refused. Over real local sockets: the server receives nothing that was refused, within a time bound,
// and no credential shows in the error.
import { describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import { createSendersClient, type Sender, type SenderCreate, ValidationError } from './index.js';
import { type Handler, localServers, settle } from './test/calls.js';
import { credentials } from './test/credentials.js';
import { json } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const created = responseExample<Sender>('createSender', '202', 'created');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const sid = online.sid;
const serve = localServers();

describe('unknown keys named after Object.prototype members', () => {
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

describe('what is validated is what is sent', () => {
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

describe('caller headers the client cannot send', () => {
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
