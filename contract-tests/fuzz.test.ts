// Differential fuzzing: request bodies generated from the spec (valid ones, and mutations of them),
// each judged by the client's own validation and by Prism, sent raw. The two verdicts must agree
// on every case: the client is exactly as strict as the contract, no more and no less. Then
// Prism's dynamic responses must all parse through the client.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/index.js';
import { validateRequest } from '../src/validate.js';
import { bodySchema, mutated, valid } from './arbitrary.js';
import { credentials, prismUrl, senders } from './client.js';
import { operation, responseExample } from './spec.js';

// FUZZ_SEED=<n> replays another run; the seed is printed with each result.
const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const sid = responseExample<{ sid: string }>('fetchSender', '200', 'online').sid;
const basic = `Basic ${btoa(`${credentials.accountSid}:${credentials.authToken}`)}`;

type OperationId = 'createSender' | 'updateSender';
// How many bodies of each kind; the URL and method of each call come from the spec.
const operations: Record<OperationId, { valid: number; mutated: number }> = {
  createSender: { valid: 150, mutated: 250 },
  updateSender: { valid: 75, mutated: 125 },
};

/** The cases of one operation, the same on every run. */
function cases(operationId: OperationId) {
  const { valid: validCount, mutated: mutatedCount } = operations[operationId];
  const arbitrary = valid(bodySchema(operationId));
  return [
    ...fc.sample(arbitrary, { numRuns: validCount, seed }),
    ...fc.sample(mutated(arbitrary), { numRuns: mutatedCount, seed: seed + 1 }),
  ];
}

function clientVerdict(operationId: OperationId, body: unknown): boolean {
  try {
    validateRequest(operationId, { path: { Sid: sid }, body });
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}

async function prismVerdict(operationId: OperationId, body: unknown): Promise<{ accepted: boolean; why: string }> {
  const { method, exampleUrl } = operation(operationId);
  const response = await fetch(exampleUrl(prismUrl), {
    method,
    headers: { Authorization: basic, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  // Prism answers a request that breaks the spec with the documented 400 (or 422 where none is).
  if (response.status !== 202 && response.status !== 400 && response.status !== 422)
    throw new Error(`Prism answered ${response.status}: ${text}`);
  return { accepted: response.status === 202, why: response.headers.get('sl-violations') ?? '' };
}

/** Runs `work` over `items`, `width` at a time. */
async function pooled<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

describe.skipIf(!prismUrl)('differential fuzzing against Prism', () => {
  it.each(Object.keys(operations) as OperationId[])(
    'the client and Prism agree on every %s body',
    async (operationId) => {
      // The update body is optional (senders-api.md), and Prism reads a JSON `null` body as none;
      // the client refuses a null body as no update at all (src/bad-input.test.ts). Left out here.
      const bodies = cases(operationId).filter((body) => !(operationId === 'updateSender' && body === null));
      const verdicts = await pooled(bodies, 8, async (body) => {
        const client = clientVerdict(operationId, body);
        const prism = await prismVerdict(operationId, body);
        return { body, client, prism: prism.accepted, why: prism.why };
      });
      const disagreements = verdicts.filter((verdict) => verdict.client !== verdict.prism);
      const accepted = verdicts.filter((verdict) => verdict.prism).length;
      console.log(
        `fuzz: ${operationId}: ${bodies.length} bodies (seed ${seed}), ${accepted} accepted and ` +
          `${bodies.length - accepted} refused by Prism, ${disagreements.length} disagreements`,
      );
      expect(disagreements.slice(0, 5)).toEqual([]);
      // Both kinds of verdict occur, so agreement is not a one-sided accident.
      expect(accepted).toBeGreaterThan(bodies.length / 5);
      expect(bodies.length - accepted).toBeGreaterThan(bodies.length / 5);
    },
    60_000,
  );

  it('parses 200 dynamic responses through the client', async () => {
    const dynamic = { headers: { Prefer: 'dynamic=true' } };
    const calls = [
      () => senders.get(sid, dynamic),
      () => senders.list({ pageSize: 20 }, dynamic),
      () => senders.create({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } }, dynamic),
      () => senders.update(sid, { profile: { name: 'Fuzz' } }, dynamic),
    ];
    const results = await pooled(
      Array.from({ length: 200 }, (_, i) => calls[i % calls.length] as () => Promise<unknown>),
      8,
      (call) =>
        call().then(
          (value) => ({ ok: typeof value === 'object' && value !== null, error: '' }),
          (error: unknown) => ({ ok: false, error: String(error) }),
        ),
    );
    expect(results.filter((result) => !result.ok).slice(0, 3)).toEqual([]);
    expect(results).toHaveLength(200);
  }, 60_000);
});
