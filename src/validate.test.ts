// Bad input is refused with a ValidationError that names the field, and nothing reaches the server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample, schema } from '../contract-tests/spec.js';
import { createSendersClient, type Sender, type SenderCreate, ValidationError } from './index.js';
import { credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const seed = requestExample<SenderCreate>('createSender', 'seed');
let server: Awaited<ReturnType<typeof startServer>>;
let senders: ReturnType<typeof createSendersClient>;

beforeAll(async () => {
  server = await startServer((request, response) =>
    request.method === 'DELETE' ? void response.writeHead(204).end() : json(response, 200, online),
  );
  senders = createSendersClient({ ...credentials, baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

// biome-ignore lint/suspicious/noExplicitAny: bad input on purpose
const bad = (value: unknown) => value as any;

const badSids: [string, unknown][] = [
  ['empty', ''],
  ['lower-case xe', online.sid.replace('XE', 'xe')],
  ['33 characters', online.sid.slice(0, 33)],
  ['35 characters', `${online.sid}0`],
  ['a path climb', '../Accounts'],
  ['an encoded slash', `XE%2F${'0'.repeat(29)}`],
  ['a query', `${online.sid}?x=`],
  ['look-alike Unicode', online.sid.replace('E', 'Ε')],
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
];

const badBodies: [string, unknown, string][] = [
  ['a camelCase key', { senderId: seed.sender_id }, '$.senderId'],
  ['no sender_id', { profile: { name: 'Example' } }, '$.sender_id'],
  ['a sender_id without the channel', { sender_id: '+15017122661' }, '$.sender_id'],
  ['a sender_id on another channel', { sender_id: 'sms:+15017122661' }, '$.sender_id'],
  ['a sender_id with a leading zero', { sender_id: 'whatsapp:+015017122661' }, '$.sender_id'],
  ['a sender_id too long', { sender_id: 'whatsapp:+1234567890123456' }, '$.sender_id'],
  [
    'a verification method off the enum',
    { ...seed, configuration: { verification_method: 'fax' } },
    '$.configuration.verification_method',
  ],
  [
    'an account_type off the enum',
    { ...seed, configuration: { account_type: 'Reseller' } },
    '$.configuration.account_type',
  ],
  ['a waba_id as a number', { ...seed, configuration: { waba_id: 1234 } }, '$.configuration.waba_id'],
  [
    'a malformed voice application sid',
    { ...seed, configuration: { voice_application_sid: 'AP123' } },
    '$.configuration.voice_application_sid',
  ],
  ['a relative webhook URL', { ...seed, webhook: { callback_url: '/inbound' } }, '$.webhook.callback_url'],
  ['an ftp webhook URL', { ...seed, webhook: { callback_url: 'ftp://example.com/x' } }, '$.webhook.callback_url'],
  ['a webhook method off the enum', { ...seed, webhook: { callback_method: 'GET' } }, '$.webhook.callback_method'],
  ['an unknown webhook key', { ...seed, webhook: { callbackUrl: 'https://example.com' } }, '$.webhook.callbackUrl'],
  ['a use case off the enum', { ...seed, profile: { name: 'X', use_case: 'Cars' } }, '$.profile.use_case'],
  ['emails as a number', { ...seed, profile: { name: 'X', emails: 42 } }, '$.profile.emails'],
  [
    'an email entry with a typo',
    { ...seed, profile: { emails: [{ emial: 'a@example.com' }] } },
    '$.profile.emails[0].emial',
  ],
  ['a website that is not absolute', { ...seed, profile: { websites: ['example.com'] } }, '$.profile.websites[0]'],
  ['an empty display name', { ...seed, profile: { name: '' } }, '$.profile.name'],
  ['a profile that is a string', { ...seed, profile: 'Example' }, '$.profile'],
  ['a body that is null', null, '$'],
  ['a body that is an array', [seed], '$'],
];

describe('validation before any request', () => {
  it.each(badSids)('get refuses a sid that is %s', async (_, sid) => {
    const error = await senders.get(bad(sid)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(new Set((error as ValidationError).issues.map((issue) => issue.path))).toEqual(new Set(['$.sid']));
    expect(server.received).toHaveLength(0);
  });

  it.each(badSids)('update refuses a sid that is %s', async (_, sid) => {
    await expect(senders.update(bad(sid), {})).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
  });

  it.each(badSids)('delete refuses a sid that is %s', async (_, sid) => {
    await expect(senders.delete(bad(sid))).rejects.toMatchObject({
      issues: expect.arrayContaining([{ path: '$.sid', message: expect.any(String) }]),
    });
    expect(server.received).toHaveLength(0);
  });

  it.each(badBodies)('create refuses %s, naming the field', async (_, body, path) => {
    const error = await senders.create(bad(body)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect((error as ValidationError).message).toContain(path);
    expect(server.received).toHaveLength(0);
  });

  it.each(badBodies.filter(([, , path]) => !path.startsWith('$.sender_id')))(
    'update refuses %s, naming the field',
    async (_, body, path) => {
      const { sender_id: _id, ...rest } = (body ?? {}) as Record<string, unknown>;
      const patch = Array.isArray(body) || body === null || path === '$.senderId' ? body : rest;
      const error = await senders.update(online.sid, bad(patch)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect(server.received).toHaveLength(0);
    },
  );

  it('refuses sender_id in an update, where it cannot be changed', async () => {
    await expect(senders.update(online.sid, bad({ sender_id: seed.sender_id }))).rejects.toMatchObject({
      issues: [{ path: '$.sender_id' }],
    });
  });

  it.each([
    ['a page size of 0', { pageSize: 0 }, '$.pageSize'],
    ['a page size over 1000', { pageSize: 1001 }, '$.pageSize'],
    ['a fractional page size', { pageSize: 2.5 }, '$.pageSize'],
    ['a negative page', { page: -1 }, '$.page'],
    ['an empty page token', { pageToken: '' }, '$.pageToken'],
  ])('list refuses %s', async (_, params, path) => {
    await expect(senders.list(params)).rejects.toMatchObject({ issues: [{ path }] });
    expect(server.received).toHaveLength(0);
  });

  it('lists every problem at once', async () => {
    const error = (await senders
      .create(bad({ sender_id: 'x', profile: { name: 'A' }, configuration: { verification_method: 'fax' }, extra: 1 }))
      .catch((caught: unknown) => caught)) as ValidationError;
    // One message per mistake: the pattern in words covers the length too.
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      '$.configuration.verification_method',
      '$.extra',
      '$.sender_id',
    ]);
    expect(error.issues.find((issue) => issue.path === '$.sender_id')?.message).toBe(
      'must be `whatsapp:` followed by an E.164 number, such as `whatsapp:+15017122661`',
    );
  });

  it('accepts the short and the long forms of emails, websites and phone numbers', async () => {
    await senders.create({
      sender_id: 'whatsapp:+15017122661',
      profile: {
        name: 'Example',
        emails: 'a@example.com',
        websites: 'https://example.com',
        phone_numbers: '+15017122661',
      },
    });
    await senders.create({
      sender_id: 'whatsapp:+15017122661',
      profile: {
        name: 'Example',
        emails: ['a@example.com', { email: 'b@example.com', label: 'Support' }],
        websites: [{ website: 'https://example.com' }],
        phone_numbers: [{ phone_number: '+15017122661', label: 'Sales' }],
      },
    });
    expect(server.received).toHaveLength(2);
  });

  it('lets the server judge with validate: false', async () => {
    const lenient = createSendersClient({ ...credentials, baseUrl: server.url, validate: false });
    await lenient.create(bad({ senderId: 'whatsapp:+15017122661' }));
    expect(server.received[0]?.body).toBe('{"senderId":"whatsapp:+15017122661"}');
  });
});

describe('messages users can act on', () => {
  const issuesOf = async (call: () => Promise<unknown>) => {
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  };
  // The words and the example come from the spec's own schema (x-pattern-description, examples).
  const senderId = schema('SenderId');
  const senderSid = schema('SenderSid');
  const inWords = (of: Record<string, unknown>) =>
    `must be ${of['x-pattern-description']}, such as \`${(of.examples as string[])[0]}\``;

  it.each([
    ['too short', 'x'],
    ['without the prefix', '+15017122661'],
    ['a leading zero', 'whatsapp:+05017122661'],
  ])('says a sender_id %s in the spec’s words, with an example, once', async (_, value) => {
    const issues = await issuesOf(() => senders.create({ ...seed, sender_id: value }));
    expect(issues).toEqual([{ path: '$.sender_id', message: inWords(senderId) }]);
    expect(issues[0]?.message).toBe('must be `whatsapp:` followed by an E.164 number, such as `whatsapp:+15017122661`');
  });

  it.each(badSids)('gives a bad sid (%s) one problem, never the expression', async (_, sid) => {
    const issues = await issuesOf(() => senders.get(sid as string));
    expect(issues).toHaveLength(1);
    if (typeof sid === 'string' && !['', '.', '..'].includes(sid)) {
      expect(issues[0]?.message).toMatch(/^must be `XE` followed by 32 hex digits, such as `XE[0-9a-f]{32}`$/);
    }
    expect(issues[0]?.message).not.toContain(senderSid.pattern as string);
    expect(server.received).toHaveLength(0);
  });

  it('gives a URL that breaks both the pattern and the format one problem', async () => {
    const issues = await issuesOf(() => senders.create({ ...seed, webhook: { callback_url: 'not a url' } }));
    expect(issues).toEqual([
      {
        path: '$.webhook.callback_url',
        message: inWords(schema('HttpUrl')),
      },
    ]);
  });

  it.each([
    ['senderId', '$.senderId', 'sender_id'],
    ['friendlyName', '$.friendlyName', 'friendly_name'],
    ['Sender_ID', '$.Sender_ID', 'sender_id'],
    ['sendr_id', '$.sendr_id', 'sender_id'],
  ])('asks "did you mean" for %s', async (key, path, known) => {
    const body = { sender_id: 'whatsapp:+15017122661', [key]: 'x' };
    const issues = await issuesOf(() => senders.create(bad(body)));
    expect(issues).toContainEqual({ path, message: `is not a field of this object; did you mean \`${known}\`?` });
  });

  it('asks "did you mean" inside nested objects, from the rules of that object', async () => {
    const issues = await issuesOf(() => senders.create(bad({ ...seed, profile: { name: 'A', logoUrl: 'x' } })));
    expect(issues).toContainEqual({
      path: '$.profile.logoUrl',
      message: 'is not a field of this object; did you mean `logo_url`?',
    });
  });

  it('asks "did you mean" for a list parameter in the wire’s spelling', async () => {
    const issues = await issuesOf(() => senders.list(bad({ page_size: 5 })));
    expect(issues).toEqual([{ path: '$.page_size', message: 'is not a list parameter; did you mean `pageSize`?' }]);
  });

  it('suggests nothing for a key far from every known one', async () => {
    const issues = await issuesOf(() => senders.create(bad({ ...seed, colour: 'red' })));
    expect(issues).toContainEqual({ path: '$.colour', message: 'is not a field of this object' });
  });
});

describe('one message per mistake', () => {
  const sid = online.sid;
  it.each([
    ['senderId', { senderId: 'whatsapp:+15017122661', profile: { name: 'A' } }, '$.senderId', 'sender_id'],
    ['profile.Name', { sender_id: 'whatsapp:+15017122661', profile: { Name: 'A' } }, '$.profile.Name', 'name'],
  ])('a misspelt required key (%s) is one issue that says what was meant', async (_, wrong, path, meant) => {
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const caught = await senders.create(wrong as never).catch((thrown: unknown) => thrown);
    expect(caught).toBeInstanceOf(ValidationError);
    const { issues } = caught as ValidationError;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(`did you mean \`${meant}\`?`);
    expect(server.received).toHaveLength(0);
  });

  it('a signal that is not an AbortSignal is one issue', async () => {
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const caught = await senders.get(sid, { signal: 'x' as never }).catch((thrown: unknown) => thrown);
    expect((caught as ValidationError).issues).toHaveLength(1);
    expect(server.received).toHaveLength(0);
  });
});
