// extraFields: a body field Twilio ships before the spec knows it can be sent the day it ships,
// named by its path, while every other key and value of the body is still checked. Over a real
// local server: what is named reaches the wire as given; nothing else is let through.
import { afterEach, describe, expect, it } from 'vitest';
import { createSendersClient, type SenderCreate, ValidationError } from './index.js';
import { credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const sid = 'XEb07cb801aee974e9caac3222d53282b2';
let server: Awaited<ReturnType<typeof startServer>>;
afterEach(() => server?.close());

async function client(options: Parameters<typeof createSendersClient>[0] = {}) {
  server = await startServer((_, response) =>
    json(response, 202, { sid, status: 'CREATING', sender_id: 'whatsapp:+15017122661' }),
  );
  return createSendersClient({ ...credentials, baseUrl: server.url, maxRetries: 0, ...options });
}

/** A field the spec does not know, as Twilio might ship one. */
const withNewField = {
  sender_id: 'whatsapp:+15017122661',
  profile: { name: 'Example Motors', new_field: { tier: 'gold', list: [1, null] } },
} as unknown as SenderCreate;

const sent = () => server.received.map((request) => JSON.parse(request.body));
const issues = (error: unknown) => {
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
};

describe('a body field the spec does not know', () => {
  it('is refused when not named, and nothing is sent', async () => {
    const senders = await client();
    expect(issues(await senders.create(withNewField).catch((e: unknown) => e))).toEqual([
      '$.profile.new_field: is not a field of this object',
    ]);
    expect(server.received).toHaveLength(0);
  });

  it('reaches the wire exactly as given when the client names it', async () => {
    const senders = await client({ extraFields: ['profile.new_field'] });
    await senders.create(withNewField);
    expect(sent()).toEqual([withNewField]);
  });

  it('reaches the wire when one call names it, and only for that call', async () => {
    const senders = await client();
    await senders.update(sid, { profile: { new_field: 'x' } } as never, { extraFields: ['profile.new_field'] });
    expect(sent()).toEqual([{ profile: { new_field: 'x' } }]);
    await expect(senders.update(sid, { profile: { new_field: 'x' } } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(1);
  });

  it('is let through at its path only: the same key elsewhere is still refused', async () => {
    const senders = await client({ extraFields: ['profile.new_field'] });
    const body = { webhook: { new_field: 1 }, new_field: 2 } as never;
    expect(issues(await senders.update(sid, body).catch((e: unknown) => e))).toEqual([
      '$.webhook.new_field: is not a field of this object',
      '$.new_field: is not a field of this object',
    ]);
    expect(server.received).toHaveLength(0);
  });

  it('leaves every other field checked: a bad value and a camelCase key beside it are refused', async () => {
    const senders = await client({ extraFields: ['profile.new_field', 'brand_new_section'] });
    const body = {
      brand_new_section: { anything: true },
      profile: { new_field: 'x', name: '', logoUrl: 'https://example.com/logo.png' },
      webhook: { callback_url: 'not a url' },
    } as never;
    expect(issues(await senders.update(sid, body).catch((e: unknown) => e))).toEqual([
      '$.profile.name: must have at least 1 characters',
      '$.profile.logoUrl: is not a field of this object; did you mean `logo_url`?',
      '$.webhook.callback_url: must be an absolute http or https URL, such as `https://example.com/whatsapp/inbound`',
    ]);
    expect(server.received).toHaveLength(0);
  });

  it('keeps a known field checked even when it is named', async () => {
    const senders = await client({ extraFields: ['profile.use_case'] });
    const body = { profile: { use_case: 'BULK' } } as never;
    expect(issues(await senders.update(sid, body).catch((e: unknown) => e))).toEqual([
      '$.profile.use_case: must be one of "PROMOTIONAL", "TRANSACTIONAL", "OTP", "MULTI_USE"',
    ]);
  });
});

describe('a named field never weakens the rest of the body', () => {
  it.each([
    ['profile.nam', { sender_id: 'whatsapp:+15017122661', profile: { nam: 'x' } }, '$.profile.name: is required'],
    ['sender_idx', { sender_idx: 'whatsapp:+15017122661', profile: { name: 'x' } }, '$.sender_id: is required'],
  ])('a named key resembling a required one (%s) does not stand in for it', async (path, body, missing) => {
    const senders = await client({ extraFields: [path] });
    expect(issues(await senders.create(body as never).catch((e: unknown) => e))).toEqual([missing]);
    expect(server.received).toHaveLength(0);
  });
});

describe('a field inside the items of a list', () => {
  const body = {
    profile: { websites: [{ website: 'https://example.com', new_k: 1 }, { website: 'https://a.example' }] },
  };

  it('is sent when named with [] after the list, in every item', async () => {
    const senders = await client({ extraFields: ['profile.websites[].new_k'] });
    await senders.update(sid, body as never);
    expect(sent()).toEqual([body]);
  });

  it('leaves the other keys and values of each item checked', async () => {
    const senders = await client({ extraFields: ['profile.websites[].new_k'] });
    const bad = { profile: { websites: [{ website: 'not a url', new_k: 1, other: 2 }] } };
    expect(issues(await senders.update(sid, bad as never).catch((e: unknown) => e))).toEqual([
      '$.profile.websites[0].website: must be an absolute http or https URL, such as `https://example.com/whatsapp/inbound`',
      '$.profile.websites[0].other: is not a field of this object',
    ]);
    expect(server.received).toHaveLength(0);
  });
});

describe('the extraFields option', () => {
  it('refuses a camelCase or malformed path, on the client and on a call', async () => {
    expect(() => createSendersClient({ ...credentials, extraFields: ['profile.newField'] })).toThrow(
      /extraFields\[0\]: must be a snake_case field path, with `\[\]` after a list, such as `profile\.new_field`/,
    );
    const senders = await client();
    const error = await senders
      .update(sid, {}, { extraFields: ['profile..x', 'profile.new_field'] })
      .catch((e: unknown) => e);
    expect(issues(error)).toEqual([
      'options.extraFields[0]: must be a snake_case field path, with `[]` after a list, such as `profile.new_field`',
    ]);
    expect(server.received).toHaveLength(0);
  });
});
