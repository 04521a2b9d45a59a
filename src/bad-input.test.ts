// The bad-input catalogue: at least 40 invalid inputs for every method, each refused with a
// ValidationError that names the field, and not one request reaching the server, which counts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../contract-tests/spec.js';
import { createSendersClient, type Sender, type SenderCreate, type SendersClient, ValidationError } from './index.js';
import { credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const sid = online.sid;
const hex = sid.slice(2);

/** One invalid input and the path its ValidationError must name. */
type Case = [label: string, input: unknown, path: string];

const badSids: Case[] = [
  ['an empty sid', '', '$.sid'],
  ['a lower-case xe prefix', `xe${hex}`, '$.sid'],
  ['a mixed-case Xe prefix', `Xe${hex}`, '$.sid'],
  ['a mixed-case xE prefix', `xE${hex}`, '$.sid'],
  ['33 characters', sid.slice(0, 33), '$.sid'],
  ['35 characters', `${sid}a`, '$.sid'],
  ['the prefix alone', 'XE', '$.sid'],
  ['two sids in one', sid + sid, '$.sid'],
  ['a path climbing up', '../Accounts', '$.sid'],
  ['a path climbing up after a sid', `${sid}/../../Accounts`, '$.sid'],
  ['an encoded slash', `XE%2F${hex.slice(3)}`, '$.sid'],
  ['encoded dots and slashes', '..%2F..%2FAccounts', '$.sid'],
  ['a percent-encoded prefix', `%58%45${hex}`, '$.sid'],
  ['look-alike Cyrillic letters', `\u0425\u0415${hex}`, '$.sid'],
  ['full-width digits', `XE${'\uff10'.repeat(32)}`, '$.sid'],
  ['a zero-width space inside', `XE${hex.slice(0, 16)}\u200b${hex.slice(16)}`, '$.sid'],
  ['a dotted capital I', `XE${hex.slice(0, 31)}\u0130`, '$.sid'],
  ['a lone surrogate', `XE${hex.slice(0, 31)}\ud800`, '$.sid'],
  ['a query string', `${sid}?x=1`, '$.sid'],
  ['a fragment', `${sid}#top`, '$.sid'],
  ['a trailing slash', `${sid}/`, '$.sid'],
  ['a leading space', ` ${sid}`, '$.sid'],
  ['a trailing space', `${sid} `, '$.sid'],
  ['a trailing newline', `${sid}\n`, '$.sid'],
  ['a header injection', `${sid}\r\nX-Injected: 1`, '$.sid'],
  ['a tab inside', `XE\t${hex.slice(1)}`, '$.sid'],
  ['a NUL at the end', `${sid}\u0000`, '$.sid'],
  ['an encoded NUL', `${sid}%00`, '$.sid'],
  ['a semicolon', `${sid};drop`, '$.sid'],
  ['the whole path', `/v2/Channels/Senders/${sid}`, '$.sid'],
  ['non-hex digits', `XE${'g'.repeat(32)}`, '$.sid'],
  ['an Account SID', `AC${hex}`, '$.sid'],
  ['a Messaging Service SID', `MG${hex}`, '$.sid'],
  ['null', null, '$.sid'],
  ['undefined', undefined, '$.sid'],
  ['a number', 12345, '$.sid'],
  ['NaN', Number.NaN, '$.sid'],
  ['a BigInt', 10n, '$.sid'],
  ['true', true, '$.sid'],
  ['an object', { sid }, '$.sid'],
  ['an array', [sid], '$.sid'],
  ['a String object', new String(sid), '$.sid'],
  ['a symbol', Symbol(sid), '$.sid'],
];

const badOptions: Case[] = [
  ['options that are null', null, 'options'],
  ['options that are a string', 'fast', 'options'],
  ['an unknown option', { retries: 3 }, 'options.retries'],
  ['a zero timeout', { timeoutMs: 0 }, 'options.timeoutMs'],
  ['a negative timeout', { timeoutMs: -1 }, 'options.timeoutMs'],
  ['a timeout as a string', { timeoutMs: '100' }, 'options.timeoutMs'],
  ['a NaN timeout', { timeoutMs: Number.NaN }, 'options.timeoutMs'],
  ['an infinite timeout', { timeoutMs: Number.POSITIVE_INFINITY }, 'options.timeoutMs'],
  ['a timeout past what a timer can hold', { timeoutMs: 2 ** 31 }, 'options.timeoutMs'],
  ['a signal that is not an AbortSignal', { signal: 'abort' }, 'options.signal'],
  ['a signal that is a plain object', { signal: {} }, 'options.signal'],
  ['headers as a string', { headers: 'Prefer: code=404' }, 'options.headers'],
  ['a header name with a space', { headers: { 'Bad Name': 'x' } }, 'options.headers["Bad Name"]'],
  ['a header value that is a number', { headers: { Prefer: 404 } }, 'options.headers.Prefer'],
  ['a header value with CRLF', { headers: { Prefer: 'a\r\nX-Injected: 1' } }, 'options.headers.Prefer'],
];

// Each body case is a change to a valid body: [label, patch, path]. `undefined` removes a key.
const badBodyFields: Case[] = [
  ['a wrong webhook method', { webhook: { callback_method: 'PATCH' } }, '$.webhook.callback_method'],
  ['a lower-case webhook method', { webhook: { fallback_method: 'post' } }, '$.webhook.fallback_method'],
  [
    'a status callback method as a number',
    { webhook: { status_callback_method: 1 } },
    '$.webhook.status_callback_method',
  ],
  ['a javascript: callback URL', { webhook: { callback_url: 'javascript:alert(1)' } }, '$.webhook.callback_url'],
  ['a relative callback URL', { webhook: { callback_url: '/hooks/whatsapp' } }, '$.webhook.callback_url'],
  ['an ftp: fallback URL', { webhook: { fallback_url: 'ftp://example.com/hook' } }, '$.webhook.fallback_url'],
  [
    'a URL without a scheme',
    { webhook: { status_callback_url: 'example.com/status' } },
    '$.webhook.status_callback_url',
  ],
  ['a file: URL', { profile: { logo_url: 'file:///etc/passwd' } }, '$.profile.logo_url'],
  ['a banner URL with a space', { profile: { banner_url: 'https://example.com/a b.png' } }, '$.profile.banner_url'],
  [
    'a wrong verification method',
    { configuration: { verification_method: 'email' } },
    '$.configuration.verification_method',
  ],
  ['a WABA id as a number', { configuration: { waba_id: 1234567890 } }, '$.configuration.waba_id'],
  ['an account type off the enum', { configuration: { account_type: 'Reseller' } }, '$.configuration.account_type'],
  ['a camelCase accountType', { configuration: { accountType: 'ISV' } }, '$.configuration.accountType'],
  [
    'a malformed voice application sid',
    { configuration: { voice_application_sid: 'AP123' } },
    '$.configuration.voice_application_sid',
  ],
  [
    'a verification code as a number',
    { configuration: { verification_code: 123456 } },
    '$.configuration.verification_code',
  ],
  ['a configuration that is a string', { configuration: 'sms' }, '$.configuration'],
  ['a webhook that is an array', { webhook: ['https://example.com/hook'] }, '$.webhook'],
  ['a profile that is a list', { profile: [{ name: 'Acme' }] }, '$.profile'],
  ['a wrong use case', { profile: { use_case: 'Space Travel' } }, '$.profile.use_case'],
  ['a name of 256 characters', { profile: { name: 'n'.repeat(256) } }, '$.profile.name'],
  ['a name as a number', { profile: { name: 42 } }, '$.profile.name'],
  ['an empty name', { profile: { name: '' } }, '$.profile.name'],
  ['an about as a number', { profile: { name: 'Acme', about: 7 } }, '$.profile.about'],
  ['an accent color as a number', { profile: { name: 'Acme', accent_color: 0x1a7f37 } }, '$.profile.accent_color'],
  [
    'an email entry without its address',
    { profile: { name: 'Acme', emails: [{ label: 'Support' }] } },
    '$.profile.emails[0].email',
  ],
  ['emails as an object', { profile: { name: 'Acme', emails: { email: 'a@example.com' } } }, '$.profile.emails'],
  [
    'a website with a javascript: URL',
    { profile: { websites: [{ website: 'javascript:x' }] } },
    '$.profile.websites[0].website',
  ],
  [
    'a phone number as a number',
    { profile: { name: 'Acme', phone_numbers: [15017122661] } },
    '$.profile.phone_numbers[0]',
  ],
  ['a friendly_name as a number', { friendly_name: 42 }, '$.friendly_name'],
  ['a camelCase friendlyName', { friendlyName: 'Acme' }, '$.friendlyName'],
  ['an unknown top-level key', { display_name: 'Acme' }, '$.display_name'],
  ['a camelCase configuration key', { configuration: { wabaId: '1234567890' } }, '$.configuration.wabaId'],
  ['a camelCase webhook key', { webhook: { callbackUrl: 'https://example.com/hook' } }, '$.webhook.callbackUrl'],
  ['an unknown profile key', { profile: { logo: 'https://example.com/logo.png' } }, '$.profile.logo'],
];

const badSenderIds: Case[] = [
  ['a missing sender_id', { sender_id: undefined }, '$.sender_id'],
  ['a sender_id without the whatsapp: prefix', { sender_id: '+15017122661' }, '$.sender_id'],
  ['a sender_id without a plus sign', { sender_id: 'whatsapp:15017122661' }, '$.sender_id'],
  ['a sender_id with letters', { sender_id: 'whatsapp:+1501ABC2661' }, '$.sender_id'],
  ['a sender_id of 16 digits', { sender_id: 'whatsapp:+1234567890123456' }, '$.sender_id'],
  ['a sender_id starting with 0', { sender_id: 'whatsapp:+0123456789' }, '$.sender_id'],
  ['a sender_id with a space', { sender_id: 'whatsapp: +15017122661' }, '$.sender_id'],
  ['a sender_id on another channel', { sender_id: 'sms:+15017122661' }, '$.sender_id'],
  ['a sender_id as a number', { sender_id: 15017122661 }, '$.sender_id'],
  ['a sender_id that is null', { sender_id: null }, '$.sender_id'],
  ['a camelCase senderId', { sender_id: undefined, senderId: 'whatsapp:+15017122661' }, '$.senderId'],
];

/** A body that refers to itself. */
const circular = (base: object) => {
  const body: Record<string, unknown> = { ...base, profile: { name: 'Acme' } };
  (body.profile as Record<string, unknown>).self = body;
  return body;
};

const notObjects = (path: string): Case[] => [
  ['a body that is a string', '{"sender_id":"whatsapp:+15017122661"}', path],
  ['a body that is a number', 42, path],
  ['a body that is an array', [seed], path],
  ['a body that is null', null, path],
  ['no body', undefined, path],
];

const patched = (base: object, cases: Case[]): Case[] =>
  cases.map(([label, patch, path]) => {
    const body: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch as object)) {
      if (value === undefined) delete body[key];
      else body[key] = value;
    }
    return [label, body, path];
  });

const createBodies: Case[] = [
  ...patched(seed, badSenderIds),
  ...patched(seed, badBodyFields),
  ...patched(seed, [
    ['a profile that is null', { profile: null }, '$.profile'],
    // WhatsApp registers no number without a display name: the spec requires the profile.
    ['a profile left out', { profile: undefined }, '$.profile'],
    ['a profile without a name', { profile: { about: 'Open every day' } }, '$.profile.name'],
  ]),
  ...notObjects('$'),
  ['a circular body', circular(seed), '$.profile.self'],
];
const updateBodies: Case[] = [
  ...patched({}, badBodyFields),
  // The update body is optional (senders-api.md): no body is not bad input there.
  ...notObjects('$').filter(([label]) => label !== 'no body'),
  ['a sender_id, which update does not take', { sender_id: seed.sender_id }, '$.sender_id'],
  ['a circular body', circular({}), '$.profile.self'],
];

const badListParams: Case[] = [
  ...[0, -1, 1001, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null, true, {}, []].map(
    (pageSize): Case => [`a pageSize of ${String(JSON.stringify(pageSize))}`, { pageSize }, '$.pageSize'],
  ),
  ...[-1, 1.5, '1', null].map((page): Case => [`a page of ${JSON.stringify(page)}`, { page }, '$.page']),
  ...['', 42, {}, null].map(
    (pageToken): Case => [`a pageToken of ${JSON.stringify(pageToken)}`, { pageToken }, '$.pageToken'],
  ),
  ...['page_size', 'PageSize', 'Channel', 'channel', 'limit'].map(
    (key): Case => [`the unknown key ${key}`, { [key]: 10 }, `$.${key}`],
  ),
  ...['10', 10, null, [10]].map((params): Case => [`params of ${JSON.stringify(params)}`, params, 'params']),
];

const badIterateParams: Case[] = [
  ...[0, -1, 1001, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null, true, {}, []].map(
    (pageSize): Case => [`a pageSize of ${String(JSON.stringify(pageSize))}`, { pageSize }, '$.pageSize'],
  ),
  ...[-1, 1.5, '5', Number.NaN, null, Number.POSITIVE_INFINITY, true, {}].map(
    (limit): Case => [`a limit of ${String(JSON.stringify(limit))}`, { limit }, '$.limit'],
  ),
  ...['page', 'pageToken', 'page_size', 'PageSize', 'max'].map(
    (key): Case => [`the unknown key ${key}`, { [key]: 'x' }, `$.${key}`],
  ),
  ...['10', 10, null, [10]].map((params): Case => [`params of ${JSON.stringify(params)}`, params, 'params']),
];

/** Each method, the calls of its catalogue. */
type Call = [label: string, call: (senders: SendersClient) => unknown, path: string];
const catalogue: Record<string, Call[]> = {
  create: [
    ...createBodies.map(
      ([label, body, path]): Call => [label, (s: SendersClient) => s.create(body as SenderCreate), path],
    ),
    ...badOptions.map(
      ([label, options, path]): Call => [label, (s: SendersClient) => s.create(seed, options as never), path],
    ),
  ],
  get: [
    ...badSids.map(([label, value, path]): Call => [label, (s: SendersClient) => s.get(value as string), path]),
    ...badOptions.map(
      ([label, options, path]): Call => [label, (s: SendersClient) => s.get(sid, options as never), path],
    ),
  ],
  update: [
    ...badSids.map(([label, value, path]): Call => [label, (s: SendersClient) => s.update(value as string, {}), path]),
    ...updateBodies.map(
      ([label, body, path]): Call => [label, (s: SendersClient) => s.update(sid, body as never), path],
    ),
    ...badOptions.map(
      ([label, options, path]): Call => [label, (s: SendersClient) => s.update(sid, {}, options as never), path],
    ),
  ],
  delete: [
    ...badSids.map(([label, value, path]): Call => [label, (s: SendersClient) => s.delete(value as string), path]),
    ...badOptions.map(
      ([label, options, path]): Call => [label, (s: SendersClient) => s.delete(sid, options as never), path],
    ),
  ],
  list: [
    ...badListParams.map(([label, params, path]): Call => [label, (s: SendersClient) => s.list(params as never), path]),
    ...badOptions.map(
      ([label, options, path]): Call => [label, (s: SendersClient) => s.list({}, options as never), path],
    ),
  ],
  iterate: [
    ...badIterateParams.map(
      ([label, params, path]): Call => [label, (s: SendersClient) => s.iterate(params as never).next(), path],
    ),
    ...badOptions.map(
      ([label, options, path]): Call => [label, (s: SendersClient) => s.iterate({}, options as never).next(), path],
    ),
  ],
};

let server: Awaited<ReturnType<typeof startServer>>;
let senders: SendersClient;
beforeAll(async () => {
  server = await startServer((_, response) => json(response, 200, online));
  senders = createSendersClient({ ...credentials, baseUrl: server.url });
});
afterAll(() => server.close());

describe.each(Object.entries(catalogue))('the bad-input catalogue of %s', (_, cases) => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('refuses %s, naming the field, and sends nothing', async (_label, call, path) => {
    // Refused as a rejected promise, as every other failure of a call is, never as a synchronous throw.
    let pending: unknown;
    expect(() => {
      pending = call(senders);
    }).not.toThrow();
    const error = await Promise.resolve(pending).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((issue) => issue.path)).toContain(path);
    expect((error as Error).message).toContain(`${path}: `);
    expect(server.received).toHaveLength(0);
  });
});

describe('a body JSON cannot carry', () => {
  it('is a ValidationError even with validate: false, and nothing is sent', async () => {
    const lax = createSendersClient({ ...credentials, baseUrl: server.url, validate: false });
    for (const body of [circular(seed), { ...seed, profile: { name: 10n } }]) {
      const error = await lax.create(body as never).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      // The field that cannot be serialized is named, found only after serializing failed.
      expect((error as ValidationError).issues[0]?.path).toMatch(/^\$\.profile\.(self|name)$/);
      expect((error as Error).message).toMatch(/^\$\.profile\.(self|name): cannot be sent as JSON: /);
    }
    expect(server.received).toHaveLength(0);
  });

  it('and the same client sends a valid body, so the server was listening', async () => {
    await senders.get(sid);
    expect(server.received).toHaveLength(1);
  });
});
