// The sandbox never answers what the spec forbids: every answer of a full scenario, errors
// included, is checked by Ajv (an oracle we did not write) against the response the spec documents
// for that operation and status. Prism is not in front (validate: false): this is the sandbox's own word.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSendersClient, type SenderCreate } from '../index.js';
import { specPath } from '../test/paths.js';
import { startSandbox } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the parsed spec, walked by keys read from itself
type Json = Record<string, any>;
const spec = parse(readFileSync(specPath, 'utf8')) as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema(spec, 'spec');

const deref = (node: Json): Json =>
  node.$ref
    ? deref(
        node.$ref
          .slice(2)
          .split('/')
          .reduce((at: Json, key: string) => at[key], spec),
      )
    : node;

/** The spec's operation for a method and a concrete path. */
function operationOf(method: string, pathname: string): { id: string; responses: Json } {
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = (item as Json)[method.toLowerCase()];
    if (pattern.test(pathname) && operation) return { id: operation.operationId, responses: operation.responses };
  }
  throw new Error(`no operation for ${method} ${pathname}`);
}

const answers: { method: string; url: string; status: number; text: string }[] = [];
const recording: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  answers.push({
    method: request.method,
    url: request.url,
    status: response.status,
    text: await response.clone().text(),
  });
  return response;
};

const one = `AC${'1'.repeat(32)}`;
const sandbox = await startSandbox({ validate: false, accounts: { [one]: 'token-one' }, verificationCode: '424242' });
afterAll(() => sandbox.close());

it('answers every call of a full scenario, errors included, as the spec documents', async () => {
  const base = { accountSid: one, authToken: 'token-one', baseUrl: sandbox.url, fetch: recording };
  const senders = createSendersClient({ ...base, maxRetries: 0 });
  const full: SenderCreate = {
    sender_id: 'whatsapp:+15550000001',
    configuration: { waba_id: '1234567890', verification_method: 'voice' },
    webhook: {
      callback_url: 'https://example.com/in',
      callback_method: 'PUT',
      status_callback_url: 'https://example.com/s',
    },
    profile: {
      name: 'Example Motors',
      vertical: 'Automotive',
      emails: 'support@example.com',
      websites: ['https://example.com', { website: 'https://example.com/cars', label: 'Cars' }],
      phone_numbers: [{ phone_number: '+15017122661', label: 'Sales' }],
      accent_color: '#1a7f37',
    },
  };
  const created = await senders.create(full);
  await senders.create({ sender_id: 'whatsapp:+15550000002', profile: { name: 'Example Motors' } });
  await senders.create({ sender_id: 'whatsapp:+15550000003', profile: { name: 'Three', emails: ['a@example.com'] } });
  await senders.get(created.sid);
  for await (const _ of senders.iterate({ pageSize: 1 })) {
    // every page, one sender each
  }
  await senders.list({ pageSize: 1000 });
  await senders.update(created.sid, { configuration: { verification_code: '111111' } }).catch(() => undefined);
  await senders.verify(created.sid, '424242', { intervalMs: 1 });
  await senders.update(created.sid, { profile: { about: 'Cars since 1952' }, webhook: { fallback_method: 'POST' } });
  await senders.update(created.sid, { configuration: { verification_code: '424242' } }).catch(() => undefined);
  sandbox.setStatus(created.sid, 'OFFLINE');
  await senders.get(created.sid);
  for (const status of [400, 401, 403, 429, 500, 503]) {
    sandbox.failNext(status);
    await senders.get(created.sid).catch(() => undefined);
  }
  await senders
    .create({ sender_id: 'whatsapp:+15550000002', profile: { name: 'Example Motors' } })
    .catch(() => undefined); // already exists
  await senders.get(`XE${'0'.repeat(32)}`).catch(() => undefined);
  await senders.delete(created.sid);
  await senders.delete(created.sid).catch(() => undefined);
  await createSendersClient({ ...base, authToken: 'wrong', maxRetries: 0 })
    .list()
    .catch(() => undefined);
  // What the client refuses to send, sent raw.
  const raw = createSendersClient({ ...base, validate: false, maxRetries: 0 });
  await raw
    .create({ sender_id: 'whatsapp:+15550000009', webhook: { callback_url: 42 } } as never)
    .catch(() => undefined);
  await raw.list({ pageSize: 5000 }).catch(() => undefined);

  const statuses = new Set(answers.map((answer) => answer.status));
  expect([...statuses].sort()).toEqual([200, 202, 204, 400, 401, 403, 404, 429, 500, 503]);
  expect(answers.length).toBeGreaterThanOrEqual(25);
  const problems: string[] = [];
  for (const { method, url, status, text } of answers) {
    const { pathname } = new URL(url);
    const { id, responses } = operationOf(method, pathname);
    const documented = responses[String(status)];
    if (!documented) {
      problems.push(`${id} ${status}: not a status the spec documents`);
      continue;
    }
    const content = deref(documented).content?.['application/json'];
    if (!content) {
      if (text !== '') problems.push(`${id} ${status}: a body where the spec has none`);
      continue;
    }
    const pointer = JSON.stringify(content.schema).includes('$ref') ? `spec${content.schema.$ref}` : undefined;
    const validate = pointer ? ajv.getSchema(pointer) : ajv.compile(content.schema);
    if (!validate) throw new Error(`cannot compile ${pointer}`);
    if (!validate(JSON.parse(text))) problems.push(`${id} ${status}: ${ajv.errorsText(validate.errors)}`);
  }
  expect(problems).toEqual([]);
});
