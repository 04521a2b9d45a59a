// The guard: the official SDK, pinned exactly, is the oracle of what this API has. The spec must
// know every request and response field the SDK knows, and every call the SDK makes, with
// snake_case keys, must pass a Prism mock of the spec with --errors. A bump of the pin is how
// this file notices what Twilio added; removing a field from the spec makes it fail, naming it.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { root, specPath } from '../src/test/paths.js';
import { type Prism, startPrism } from '../src/testing/prism.js';
import { credentials, prismUrl } from './client.js';
import { exampleSid } from './coverage.js';
import { gaps, sdkKnowledge, sdkVersion } from './sdk-oracle.js';

type Json = Record<string, unknown>;
const spec = () => parse(readFileSync(specPath, 'utf8')) as Json;
const knowledge = sdkKnowledge();

/** The spec without `friendly_name`, anywhere: the change the guard must catch. */
function withoutFriendlyName(): Json {
  const document = spec();
  const schemas = (document.components as Json).schemas as Record<string, { properties: Json }>;
  for (const name of ['SenderCreate', 'SenderUpdate', 'Sender']) delete schemas[name]?.properties.friendly_name;
  return document;
}

/**
 * The SDK, its own HTTP client kept, sent to `base` instead of messaging.twilio.com. A response
 * carrying Prism's `sl-violations` fails the call, naming each field Prism found at fault.
 */
function sdkAgainst(base: string) {
  type HttpClient = InstanceType<typeof twilio.RequestClient>;
  const inner = new twilio.RequestClient();
  const request = async (options: Parameters<HttpClient['request']>[0]) => {
    const response = await inner.request({
      ...options,
      uri: options.uri.replace('https://messaging.twilio.com', base),
    });
    const violations = response.headers?.['sl-violations'];
    if (violations) throw new Error(`${options.method?.toUpperCase()} ${options.uri} breaks the spec: ${violations}`);
    return response;
  };
  const httpClient = Object.assign(Object.create(inner), { request }) as HttpClient;
  return twilio(credentials.accountSid, credentials.authToken, { httpClient }).messaging.v2.channelsSenders;
}

/** What a caller following Twilio's 2026 documentation sends: snake_case keys, the new fields, nulls. */
const createBody = {
  sender_id: 'whatsapp:+15017122661',
  friendly_name: 'Example Motors (customer 42)',
  configuration: {
    waba_id: '1234567890',
    verification_method: 'sms',
    voice_application_sid: null,
    account_type: 'ISVSubAccount',
  },
  webhook: {
    callback_url: 'https://example.com/whatsapp/inbound',
    callback_method: 'POST',
    fallback_url: null,
    fallback_method: null,
    status_callback_url: 'https://example.com/whatsapp/status',
    status_callback_method: 'POST',
  },
  profile: { name: 'Example Motors', about: null, vertical: 'Automotive', emails: 'support@example.com' },
};
const updateBody = {
  friendly_name: 'Example Motors, main line',
  configuration: { account_type: null, verification_code: '482913' },
  webhook: { status_callback_method: 'GET' },
  profile: { about: null, use_case: null },
};

/** The five operations, each through the SDK. */
const operations = (senders: ReturnType<typeof sdkAgainst>) => ({
  create: () => senders.create(createBody as never),
  fetch: () => senders(exampleSid).fetch(),
  update: () => senders(exampleSid).update(updateBody as never),
  list: () => senders.page({ channel: 'whatsapp', pageSize: 2 }),
  delete: () => senders(exampleSid).remove(),
});

describe(`the fields of twilio ${sdkVersion}`, () => {
  it('come from an exactly pinned SDK, the one installed', () => {
    const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.twilio;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(sdkVersion).toBe(pinned);
  });

  it('were read: both request bodies, the Sender, its statuses and the list parameters', () => {
    // A reading that found nothing would make the comparison pass vacuously.
    expect(knowledge.create).toEqual(
      expect.arrayContaining(['sender_id', 'friendly_name', 'configuration.account_type']),
    );
    expect(knowledge.update).toEqual(expect.arrayContaining(['friendly_name', 'profile.name', 'webhook.callback_url']));
    expect(knowledge.sender).toEqual(expect.arrayContaining(['friendly_name', 'offline_reasons[].code']));
    expect(knowledge.sender.length).toBeGreaterThan(40);
    expect(knowledge.statuses).toContain('ONLINE');
    expect(knowledge.listParameters).toEqual(expect.arrayContaining(['Channel', 'PageSize']));
  });

  it('are all known to the spec', () => {
    expect(gaps(spec())).toEqual([]);
  });

  it('catch a spec without friendly_name, naming it in each place', () => {
    expect(gaps(withoutFriendlyName())).toEqual([
      'SenderCreate does not know friendly_name',
      'SenderUpdate does not know friendly_name',
      'Sender does not know friendly_name',
    ]);
  });
});

describe(`the SDK (twilio ${sdkVersion}) against a Prism mock of the spec with --errors`, () => {
  it.each(Object.keys(operations(sdkAgainst(''))))('passes %s', async (name) => {
    const call = operations(sdkAgainst(prismUrl))[name as keyof ReturnType<typeof operations>];
    const result = await call();
    if (name === 'delete') expect(result).toBe(true);
    else if (name === 'list') expect((result as { instances: unknown[] }).instances.length).toBeGreaterThan(0);
    else expect(result).toMatchObject({ sid: expect.stringMatching(/^XE/) });
  });

  describe('of a spec without friendly_name', () => {
    let mock: Prism;
    beforeAll(async () => {
      const dir = join(root, 'test-results');
      await mkdir(dir, { recursive: true });
      const path = join(dir, 'senders-without-friendly-name.yaml');
      await writeFile(path, stringify(withoutFriendlyName()));
      mock = await startPrism({ spec: path, logFile: inject('prismLog') || undefined });
    });
    afterAll(() => mock?.close());

    it.each(['create', 'update'] as const)('fails %s, naming friendly_name', async (name) => {
      const error = await operations(sdkAgainst(mock.url))
        [name]()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/breaks the spec: .*friendly_name/);
    });
  });
});

describe.skipIf(inject('target') !== 'mock')('the SDK against the stateful sandbox behind prism proxy --errors', () => {
  it('creates with friendly_name and account_type, reads them back, updates with nulls, lists and deletes', async () => {
    const senders = sdkAgainst(inject('serviceUrl'));
    const body = { ...createBody, sender_id: `whatsapp:+1444${Date.now() % 1e8}` };
    const created = await senders.create(body as never);
    expect(created).toMatchObject({ friendlyName: body.friendly_name, status: 'CREATING' });
    expect(created.configuration).toMatchObject({ accountType: 'ISVSubAccount' });
    const fetched = await senders(created.sid).fetch();
    expect(fetched.friendlyName).toBe(body.friendly_name);
    const updated = await senders(created.sid).update({
      friendly_name: 'renamed',
      configuration: { account_type: null, verification_code: '123456' },
      webhook: null,
      profile: { about: null, emails: null },
    } as never);
    expect(updated).toMatchObject({ friendlyName: 'renamed', status: expect.any(String) });
    expect(updated.configuration).toMatchObject({ accountType: null });
    const page = await senders.page({ channel: 'whatsapp', pageSize: 1000 });
    expect(page.instances.map((sender) => sender.sid)).toContain(created.sid);
    expect(await senders(created.sid).remove()).toBe(true);
  });
});
