// What Prism refuses: bodies the spec forbids, and calls without credentials.
// Sent raw (not through the client), since the point is what the contract itself rejects.
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { TwilioError } from '../src/index.js';
import { credentials, prismUrl } from './client.js';
import { operation, operations, requestExample, responseExample } from './spec.js';

const basic = `Basic ${btoa(`${credentials.accountSid}:${credentials.authToken}`)}`;
const create = operation('createSender');
const seed = requestExample<Record<string, Record<string, unknown>>>('createSender', 'seed');

async function logContains(text: string): Promise<boolean> {
  const log = inject('prismLog');
  // Prism's output reaches the log file a moment after the response.
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await readFile(log, 'utf8').catch(() => '')).includes(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const forbidden: [string, Record<string, unknown>, string][] = [
  ['a camelCase key', { senderId: seed.sender_id }, "found 'senderId'"],
  ['no sender_id', { configuration: seed.configuration }, "must have required property 'sender_id'"],
  ['a sender_id without the channel', { sender_id: '+15017122661' }, 'sender_id'],
  [
    'a verification method off the enum',
    { ...seed, configuration: { verification_method: 'fax' } },
    'verification_method',
  ],
  ['a relative webhook URL', { ...seed, webhook: { callback_url: '/inbound' } }, 'callback_url'],
  [
    'an unknown profile key',
    { ...seed, profile: { name: 'Example', display_name: 'Example' } },
    "found 'display_name'",
  ],
  ['a profile without its name', { ...seed, profile: { about: 'Cars' } }, "must have required property 'name'"],
  ['a profile with a null name', { ...seed, profile: { name: null } }, 'name'],
];

describe.skipIf(!inject('prismLog'))('a body the spec forbids', () => {
  it.each(forbidden)('is refused with the documented 400: %s', async (_, body, violation) => {
    const response = await fetch(create.exampleUrl(prismUrl), {
      method: 'POST',
      headers: { Authorization: basic, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(responseExample<TwilioError>('createSender', '400', 'bad-request'));
    expect(response.headers.get('sl-violations')).toContain(violation);
    expect(await logContains(violation)).toBe(true);
  });
});

describe.skipIf(!inject('prismLog'))('a profile the spec allows on update, not on create', () => {
  it.each([
    ['without its name', { about: 'Cars' }],
    ['with a null name', { name: null, about: 'Cars' }],
  ])('is accepted on update %s', async (_, profile) => {
    const update = operation('updateSender');
    const response = await fetch(update.exampleUrl(prismUrl), {
      method: 'POST',
      headers: { Authorization: basic, 'Content-Type': 'application/json' },
      body: JSON.stringify({ profile }),
    });
    // The spec's success status, not a copy of it.
    expect(String(response.status)).toBe(Object.keys(update.responses).find((status) => status.startsWith('2')));
    expect(response.headers.get('sl-violations')).toBeNull();
  });
});

describe('a call without credentials', () => {
  it.each(operations.map((candidate) => [candidate.operationId, candidate] as const))(
    'gets 401 on %s',
    async (operationId, { method, requestExamples, exampleUrl }) => {
      const url = exampleUrl(prismUrl);
      const example = Object.values(requestExamples)[0];
      const response = await fetch(url, {
        method,
        ...(example === undefined
          ? {}
          : { body: JSON.stringify(example), headers: { 'Content-Type': 'application/json' } }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(responseExample<TwilioError>(operationId, '401', 'unauthorized'));
    },
  );
});
