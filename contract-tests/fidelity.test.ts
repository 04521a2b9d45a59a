// The 2026 shapes through the client, over real sockets: the request fields the first spec
// refused, an RCS sender from the same endpoint, and errors in the RFC 9457 shape.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { ApiError, createSendersClient, type SenderCreate, type SenderUpdate } from '../src/index.js';
import { json, startServer } from '../src/test/http-server.js';
import { specPath } from '../src/test/paths.js';
import { type Prism, startPrism } from '../src/testing/prism.js';
import { contractClient, credentials, SpecViolation, senders } from './client.js';
import { exampleSid } from './coverage.js';
import { operations, responseExample, schema } from './spec.js';

/** A create body as Twilio's 2026 documentation has callers write it. */
const createBody = {
  sender_id: 'whatsapp:+15017122661',
  friendly_name: 'Example Motors (customer 42)',
  configuration: {
    waba_id: '1234567890',
    verification_method: 'sms',
    verification_code: null,
    voice_application_sid: null,
    account_type: 'ISVSubAccount',
  },
  webhook: {
    callback_url: 'https://example.com/whatsapp/inbound',
    callback_method: 'POST',
    fallback_url: null,
    fallback_method: null,
    status_callback_url: null,
    status_callback_method: 'GET',
  },
  profile: {
    name: 'Example Motors',
    about: null,
    address: null,
    description: null,
    vertical: null,
    logo_url: null,
    banner_url: null,
    privacy_url: null,
    terms_of_service_url: null,
    accent_color: null,
    emails: null,
    websites: null,
    phone_numbers: null,
  },
} satisfies SenderCreate;
/** Twilio's own shape of a configuration update: it clears the account type with null. */
const updateBody = { configuration: { account_type: null } } satisfies SenderUpdate;

describe('the request fields of 2026, through the client', () => {
  it('sends friendly_name, account_type and nulls to the Prism mock with --errors', async () => {
    await expect(senders.create(createBody)).resolves.toMatchObject({ sid: expect.any(String) });
    await expect(senders.update(exampleSid, updateBody)).resolves.toMatchObject({ sid: expect.any(String) });
    await expect(
      senders.update(exampleSid, { friendly_name: null, configuration: null, webhook: null, profile: null }),
    ).resolves.toBeDefined();
  });

  it.skipIf(inject('target') !== 'mock')('has the sandbox behind prism proxy echo them back', async () => {
    const service = contractClient(inject('serviceUrl'));
    const body = { ...createBody, sender_id: `whatsapp:+1333${Date.now() % 1e8}` };
    const created = await service.create(body);
    expect(created).toMatchObject({
      friendly_name: body.friendly_name,
      configuration: { account_type: 'ISVSubAccount' },
    });
    const updated = await service.update(created.sid, { friendly_name: 'renamed', ...updateBody });
    expect(updated).toMatchObject({ friendly_name: 'renamed', configuration: { account_type: null } });
    await service.delete(created.sid);
  });
});

/** An RCS sender as the same endpoint returns it (written for this test, after senders-api.md). */
const rcsSender = {
  sid: 'XE0c4b5b3a2b1c0d9e8f7a6b5c4d3e2f1a',
  status: 'ONLINE',
  sender_id: 'rcs:example_motors_agent',
  friendly_name: 'Example Motors RCS',
  configuration: null,
  webhook: { callback_url: 'https://example.com/rcs', callback_method: 'POST' },
  profile: {
    name: 'Example Motors',
    description: 'Cars and parts.',
    logo_url: 'https://example.com/logo.png',
    banner_url: 'https://example.com/banner.png',
    accent_color: '#1a7f37',
    use_case: 'MULTI_USE',
    phone_numbers: [{ phone_number: '+15017122661', label: 'Sales' }],
  },
  compliance: {
    registration_sid: 'CR0c4b5b3a2b1c0d9e8f7a6b5c4d3e2f1a',
    countries: [
      { country: 'US', status: 'ONLINE', carriers: [{ name: 'Example Carrier', status: 'APPROVED' }] },
      { country: 'CA', status: 'TWILIO_REVIEW', carriers: [] },
    ],
  },
  properties: null,
  offline_reasons: null,
  url: 'https://messaging.twilio.com/v2/Channels/Senders/XE0c4b5b3a2b1c0d9e8f7a6b5c4d3e2f1a',
};
/** The same, with a field neither the spec nor the SDK knows yet. */
const rcsSenderWithNewField = { ...rcsSender, sid: 'XE0c4b5b3a2b1c0d9e8f7a6b5c4d3e2f1b', rcs_agent_region: 'us' };

describe('an RCS sender fetched by its sid', () => {
  let upstream: Awaited<ReturnType<typeof startServer>>;
  let proxy: Prism;
  beforeAll(async () => {
    const bySid = new Map([rcsSender, rcsSenderWithNewField].map((sender) => [sender.sid, sender]));
    upstream = await startServer((request, response) => {
      const sender = bySid.get(request.url.split('/').pop() ?? '');
      json(response, sender ? 200 : 404, sender ?? {});
    });
    proxy = await startPrism({ mode: 'proxy', upstream: upstream.url, logFile: inject('prismLog') || undefined });
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  it('comes back from the client exactly as the service sent it, a field nobody knows included', async () => {
    const client = createSendersClient({ ...credentials, baseUrl: upstream.url });
    expect(await client.get(rcsSender.sid)).toStrictEqual(rcsSender);
    expect(await client.get(rcsSenderWithNewField.sid)).toStrictEqual(rcsSenderWithNewField);
  });

  it('passes prism proxy --errors untouched when it has only fields the SDK knows', async () => {
    expect(await contractClient(proxy.url).get(rcsSender.sid)).toStrictEqual(rcsSender);
  });

  it('shows up as drift behind prism proxy when it has a field the spec does not know, naming it', async () => {
    const error = await contractClient(proxy.url, { maxRetries: 0 })
      .get(rcsSenderWithNewField.sid)
      .catch((caught: unknown) => caught);
    expect((error as Error).cause).toBeInstanceOf(SpecViolation);
    expect((error as Error).message).toContain("found 'rcs_agent_region'");
  });
});

describe('an error in the RFC 9457 shape', () => {
  it('raises an ApiError whose message is the detail', async () => {
    const problem = responseExample<{ detail: string; code: number }>('fetchSender', '404', 'problem-details');
    const error = await senders
      .get(exampleSid, { headers: { Prefer: 'code=404, example=problem-details' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: problem.code, body: problem });
    expect((error as Error).message).toContain(`→ 404 (${problem.code}: ${problem.detail})`);
  });

  it('falls back to the title when there is no detail', async () => {
    const server = await startServer((_, response) =>
      json(response, 403, { type: 'about:blank', title: 'Forbidden', status: 403 }),
    );
    try {
      const client = createSendersClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
      const error = await client.get(exampleSid).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toContain('→ 403 (Forbidden)');
    } finally {
      await server.close();
    }
  });
});

describe('the error responses of the spec', () => {
  it('are each the ErrorBody: the classic body or RFC 9457 problem details', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, walked by the keys OpenAPI defines
    type Json = Record<string, any>;
    const document = parse(readFileSync(specPath, 'utf8')) as Json;
    const schemas = operations.flatMap(({ method, path, responses }) =>
      Object.keys(responses)
        .filter((status) => Number(status) >= 400)
        .map((status) => {
          let response = document.paths[path][method.toLowerCase()].responses[status] as Json;
          if (response.$ref) response = document.components.responses[response.$ref.split('/').pop()];
          return [`${method} ${path} ${status}`, response.content?.['application/json']?.schema?.$ref];
        }),
    );
    expect(schemas.length).toBeGreaterThan(30);
    expect(schemas.filter(([, ref]) => ref !== '#/components/schemas/ErrorBody')).toEqual([]);
    expect(schema('ErrorBody').anyOf).toEqual([
      { $ref: '#/components/schemas/TwilioError' },
      { $ref: '#/components/schemas/ProblemDetails' },
    ]);
  });
});
