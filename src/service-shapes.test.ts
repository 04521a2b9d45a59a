// What the service takes and answers, by the sources of December 2026 (shared/senders-api.md),
// over a real local server: requests the client must send as they are, the limits it must hold
// to, the request id under either header name, and the error codes documented for this API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { operations } from '../contract-tests/spec.js';
import { ApiError, createSendersClient, type SenderCreate, ValidationError } from './index.js';
import { credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';
import { root, specPath } from './test/paths.js';

const sid = 'XEb07cb801aee974e9caac3222d53282b2';
const sender = { sid, status: 'CREATING', sender_id: 'whatsapp:+15017122661' };

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client of a local server that accepts every write; what reached it is in `server.received`. */
async function accepting() {
  server = await startServer((_, response) => json(response, 202, sender));
  return createSendersClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
}

/** The issues of a body the client refuses, or [] when it sent it. */
const issuesOf = (call: Promise<unknown>) =>
  call.then(
    () => [],
    (error: unknown) => {
      if (!(error instanceof ValidationError)) throw error;
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    },
  );

const create = (profile: SenderCreate['profile'], more: Partial<SenderCreate> = {}) =>
  ({ sender_id: 'whatsapp:+15017122661', ...more, profile }) as SenderCreate;

describe('URLs as the service takes them', () => {
  const urls = [
    'https://hooks.example.com/wa?ids[]=1',
    'https://hooks.example.com/wa?a=b|c',
    'https://bücher.example/wa',
    'https://hooks.example.com/wa#part',
    'HTTP://user:secret@10.0.0.1:8080/wa',
  ];

  it.each(urls)('sends %s as a webhook, a logo and a website, exactly', async (url) => {
    const senders = await accepting();
    const body = create(
      { name: 'Example Motors', logo_url: url, websites: [url, { website: url, label: null }] },
      { webhook: { callback_url: url, fallback_url: url, status_callback_url: url } },
    );
    await senders.create(body);
    expect(JSON.parse(server?.received[0]?.body ?? '')).toStrictEqual(body);
  });

  it.each([
    ['ftp://example.com/wa', 'not http(s)'],
    ['/wa', 'not absolute'],
    ['https://', 'no host'],
    ['https://hooks.example.com/a b', 'white space'],
    ['https://hooks.example.com/a\nb', 'a line break'],
  ])('refuses %j (%s), naming the field', async (url) => {
    const senders = await accepting();
    expect(await issuesOf(senders.update(sid, { webhook: { callback_url: url } }))).toEqual([
      '$.webhook.callback_url: must be an absolute http or https URL, such as `https://example.com/whatsapp/inbound`',
    ]);
    expect(server?.received).toHaveLength(0);
  });
});

describe('the display name, 1 to 255 characters (error 63124)', () => {
  it('sends 255 characters, on create and on update', async () => {
    const senders = await accepting();
    const name = 'n'.repeat(255);
    await senders.create(create({ name }));
    await senders.update(sid, { profile: { name } });
    expect(server?.received).toHaveLength(2);
  });

  it('refuses 256, and an empty name, before anything is sent', async () => {
    const senders = await accepting();
    const long = 'n'.repeat(256);
    expect(await issuesOf(senders.create(create({ name: long })))).toEqual([
      '$.profile.name: must have at most 255 characters',
    ]);
    expect(await issuesOf(senders.update(sid, { profile: { name: long } }))).toEqual([
      '$.profile.name: must have at most 255 characters',
    ]);
    expect(await issuesOf(senders.update(sid, { profile: { name: '' } }))).toEqual([
      '$.profile.name: must have at least 1 characters',
    ]);
    expect(server?.received).toHaveLength(0);
  });
});

describe('profile.use_case and profile.vertical', () => {
  it.each(['PROMOTIONAL', 'TRANSACTIONAL', 'OTP', 'MULTI_USE', null] as const)('sends use_case %j', async (useCase) => {
    const senders = await accepting();
    await senders.update(sid, { profile: { use_case: useCase } });
    expect(JSON.parse(server?.received[0]?.body ?? '')).toStrictEqual({ profile: { use_case: useCase } });
  });

  it('refuses a use_case outside the published enum', async () => {
    const senders = await accepting();
    const body = { profile: { use_case: 'BULK' } } as never;
    expect(await issuesOf(senders.update(sid, body))).toEqual([
      '$.profile.use_case: must be one of "PROMOTIONAL", "TRANSACTIONAL", "OTP", "MULTI_USE"',
    ]);
  });

  it('sends a vertical outside the 22 the published text lists: every published schema has a plain string', async () => {
    const senders = await accepting();
    await senders.update(sid, { profile: { vertical: 'Government' } });
    expect(JSON.parse(server?.received[0]?.body ?? '')).toStrictEqual({ profile: { vertical: 'Government' } });
  });
});

describe('the request id', () => {
  const id = 'RQ0123456789abcdef0123456789abcdef';

  it.each(['T-Request-Id', 'Twilio-Request-Id'])('is read from %s, on success and on error', async (header) => {
    let status = 200;
    server = await startServer((_, response) => {
      response.writeHead(status, { 'Content-Type': 'application/json', [header]: id });
      response.end(JSON.stringify(status === 200 ? sender : { code: 20404, message: 'not found', status }));
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
    expect((await senders.get(sid).withResponse()).requestId).toBe(id);
    status = 404;
    const error = await senders.get(sid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ requestId: id });
    expect((error as Error).message).toContain(`[request ${id}]`);
  });
});

describe('the error codes documented for this API', () => {
  /** Every `code` of a named error example in the spec, with its HTTP status and operations. */
  function documented(): Map<number, Set<string>> {
    const codes = new Map<number, Set<string>>();
    for (const { operationId, responses } of operations) {
      for (const [status, examples] of Object.entries(responses)) {
        for (const example of Object.values(examples)) {
          const code = (example as { code?: unknown } | undefined)?.code;
          if (typeof code !== 'number') continue;
          codes.set(code, (codes.get(code) ?? new Set()).add(`${operationId} ${status}`));
        }
      }
    }
    return codes;
  }

  it('are in the spec: 63124 on create and update (400), 63128 on update (409)', () => {
    const codes = documented();
    expect([...(codes.get(63124) ?? [])].sort()).toEqual(['createSender 400', 'updateSender 400']);
    expect([...(codes.get(63128) ?? [])]).toEqual(['updateSender 409']);
    const text = readFileSync(specPath, 'utf8');
    expect(parse(text).components.schemas.PendingDisplayNameStatus.description).toContain('63060');
  });

  it('are named in the README, each with its status', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/63124[^\n]*400/);
    expect(readme).toMatch(/63128[^\n]*409/);
    expect(readme).toContain('63060');
    expect(readme).not.toContain('no public source lists codes');
  });
});
