// Property-based differential test of what the client sends against an independent oracle: Ajv
// (draft 2020-12, with ajv-formats, which is what Prism validates with), compiled from the same
// request schemas (generated/request-rules.ts). Inputs are the spec's valid bodies, mutations of
// them, and hostile JavaScript values built from both (src/test/hostile-values.ts). For each case:
// - the reference is Ajv's verdict on what JSON makes of a fresh copy of the input;
// - the client either refuses it with a ValidationError and sends nothing, or sends one request;
// - the verdicts agree, and the text sent is exactly the reference text, which Ajv accepts.
// A sample then goes through a real socket, where the server must receive that same text.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodySchema, mutated, valid } from '../contract-tests/arbitrary.js';
import { operationTable } from '../generated/operations.js';
import { requestRules } from '../generated/request-rules.js';
import { createSendersClient, ValidationError } from './index.js';
import { operationNames } from './operation-methods.js';
import { serializeBody } from './prepare.js';
import { credentials, secrets } from './test/credentials.js';
import { build, type Recipe, recipes } from './test/hostile-values.js';
import { json, startServer } from './test/http-server.js';
import { leaksIn, produced } from './test/leaks.js';
import { validateRequest } from './validate.js';

// Both packages are CommonJS with `exports.default`.
type AjvClass = typeof import('ajv/dist/2020.js').Ajv2020;
type AddFormats = typeof import('ajv-formats').default;
const interop = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;
const Ajv2020 = interop<AjvClass>(Ajv2020Module);
const addFormats = interop<AddFormats>(addFormatsModule);

const seed = Number(process.env.FUZZ_SEED ?? 20261125);
// Cases of the in-process run, in all; a sample of them also goes over a socket. `npm test` runs 10 000;
// `npm run test:differential` (which .ci/run runs too) runs 100 000.
const cases = Number(process.env.DIFFERENTIAL_CASES ?? 10_000);
const socketSample = 300;

/** The generated rules as JSON Schema for Ajv: `$ref: "Name"` becomes `#/$defs/Name`. */
function forAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? `rules#/$defs/${value}`
        : // `properties`, `enum` and `const` hold names and values, not schemas keyed by keyword.
          forAjv(value),
    ]),
  );
}

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema({ $id: 'rules', $defs: forAjv(requestRules.schemas) as object });

type Rules = typeof requestRules.operations;
/** The operations the spec gives a body, derived: a new one joins the comparison by itself. */
type BodyOperation = { [Id in keyof Rules]: 'body' extends keyof Rules[Id] ? Id : never }[keyof Rules];
const operations = (Object.keys(requestRules.operations) as (keyof typeof requestRules.operations)[]).filter(
  (id): id is BodyOperation => 'body' in requestRules.operations[id],
);
const oracle = Object.fromEntries(operations.map((id) => [id, ajv.compile(forAjv(bodySchema(id)) as object)]));
const sid = `XE${'0123456789abcdef'.repeat(2)}`;

/** What the reference says of a fresh copy: the JSON text, and Ajv's verdict on what it parses to. */
function reference(operationId: BodyOperation, recipe: Recipe): { text: string | undefined; accepted: boolean } {
  let text: string | undefined;
  let value: unknown;
  try {
    value = build(recipe);
    text = JSON.stringify(value);
  } catch {
    return { text: undefined, accepted: false };
  }
  // No body at all: what the spec allows where the body is not required (an update), nothing else.
  if (value === undefined) return { text, accepted: !('required' in requestRules.operations[operationId].body) };
  if (text === undefined) return { text, accepted: false };
  return { text, accepted: oracle[operationId]?.(JSON.parse(text)) === true };
}

// Generating a spec-shaped body costs more than judging it, so the bases come from a pool made
// once (valid bodies, and mutations of one and of two steps); every case draws a base and its
// own twists, and builds a fresh value from them.
const poolSize = 3_000;
const pools = Object.fromEntries(
  operations.map((operationId) => {
    const schema = bodySchema(operationId);
    const kinds = [valid(schema), mutated(valid(schema)), mutated(mutated(valid(schema)))];
    return [operationId, kinds.flatMap((kind, i) => fc.sample(kind, { numRuns: poolSize / 3, seed: seed + i }))];
  }),
) as Record<BodyOperation, unknown[]>;
const anyCase = fc
  .record({
    operationId: fc.constantFrom(...operations),
    pick: fc.nat(),
    twists: recipes(fc.constant(null)).map((recipe) => recipe.twists),
  })
  .map(({ operationId, pick, twists }) => ({
    operationId,
    recipe: { base: pools[operationId][pick % poolSize], twists } satisfies Recipe,
  }));

/** The client's verdict, by the functions its requests are built with (src/client.ts `run`). */
function clientVerdict(operationId: BodyOperation, body: unknown): { text: string | undefined; accepted: boolean } {
  try {
    const serialized = serializeBody(body);
    validateRequest(operationId, { path: { Sid: sid }, body: serialized?.value });
    return { text: serialized?.text, accepted: true };
  } catch (error) {
    if (error instanceof ValidationError) return { text: undefined, accepted: false };
    throw new Error(`not a ValidationError: ${String(error)}`);
  }
}

/**
 * A client whose fetch records each body and answers 202 at once: the verdict is pure logic, and
 * a Response-shaped answer skips the web streams that a real Response reads its body through.
 */
function recordingClient() {
  const sent: (string | undefined)[] = [];
  const answer = JSON.stringify({ sid, status: 'CREATING', sender_id: 'whatsapp:+15017122661' });
  const headers = { 'Content-Type': 'application/json' };
  const senders = createSendersClient({
    ...credentials,
    baseUrl: 'http://127.0.0.1:9',
    maxRetries: 0,
    fetch: async (_input, init) => {
      sent.push(init?.body as string | undefined);
      return new Response(answer, { status: 202, headers });
    },
  });
  return { senders, sent };
}

/** The client's plain method of each operation, and how many path parameters come before its body. */
const methodOf = new Map<string, string>(Object.entries(operationNames).map(([name, id]) => [id, name]));
const call = (
  senders: ReturnType<typeof createSendersClient>,
  operationId: BodyOperation,
  body: unknown,
): Promise<unknown> => {
  const methods = senders as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;
  const method = methods[methodOf.get(operationId) ?? ''];
  if (!method) throw new Error(`${operationId} has no plain method on the client (src/operation-methods.ts)`);
  const parameters = (operationTable[operationId].path.match(/\{[^}]+\}/g) ?? []).map(() => sid);
  return method(...parameters, body);
};

describe('the client against Ajv, on hostile inputs', () => {
  it(
    `agrees with Ajv on ${cases} inputs, and would send exactly the text Ajv judged`,
    () => {
      const producedBefore = produced.length;
      const tally = { accepted: 0, refused: 0 };
      fc.assert(
        fc.property(anyCase, ({ operationId, recipe }) => {
          const expected = reference(operationId, recipe);
          const actual = clientVerdict(operationId, build(recipe));
          // Plain comparisons: at 100 000 cases, expect() would cost more than the work itself.
          if (actual.accepted !== expected.accepted || (actual.accepted && actual.text !== expected.text)) {
            throw new Error(`client ${JSON.stringify(actual)}, Ajv ${JSON.stringify(expected)}`);
          }
          tally[expected.accepted ? 'accepted' : 'refused']++;
        }),
        { numRuns: cases, seed },
      );
      // Both verdicts are well represented, so agreement is not agreement on one answer.
      expect(tally.accepted).toBeGreaterThan(cases / 20);
      expect(tally.refused).toBeGreaterThan(cases / 20);
      // The ValidationErrors of this run are checked for credentials here, in one pass, and left out of
      // the suite-wide check, which renders each error in full and would take minutes on 50 000 of them.
      const messages = produced
        .splice(producedBefore)
        .map((item) => (item instanceof Error ? `${item.message}\n${item.stack}` : String(item)));
      expect(leaksIn([messages.join('\n')], secrets)).toEqual([]);
    },
    Math.max(120_000, cases * 5),
  );

  it('sends through the client exactly what it validated, for 5 000 of them', async () => {
    const { senders, sent } = recordingClient();
    const producedBefore = produced.length;
    for (const { operationId, recipe } of fc.sample(anyCase, { numRuns: 5_000, seed: seed + 3 })) {
      const expected = reference(operationId, recipe);
      sent.length = 0;
      const outcome = await call(senders, operationId, build(recipe)).then(
        () => 'sent',
        (error: unknown) => error,
      );
      if (expected.accepted) {
        if (outcome !== 'sent' || sent.length !== 1 || sent[0] !== expected.text)
          throw new Error(`sent ${JSON.stringify(sent)} (${String(outcome)}), validated ${expected.text}`);
      } else if (!(outcome instanceof ValidationError) || sent.length !== 0) {
        throw new Error(`Ajv refuses, the client: ${String(outcome)}, sent ${JSON.stringify(sent)}`);
      }
    }
    const messages = produced.splice(producedBefore).map((item) => String((item as Error).message));
    expect(leaksIn([messages.join('\n')], secrets)).toEqual([]);
  });

  describe('over a real socket', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      server = await startServer((request, response) =>
        json(response, 202, { sid, status: 'CREATING', sender_id: 'whatsapp:+15017122661', echo: request.url }),
      );
    });
    afterAll(() => server.close());

    it(`sends exactly the validated text for a sample of ${socketSample}`, async () => {
      const senders = createSendersClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
      const sample = fc.sample(anyCase, { numRuns: socketSample, seed: seed + 7 });
      let accepted = 0;
      for (const { operationId, recipe } of sample) {
        const expected = reference(operationId, recipe);
        const before = server.received.length;
        const outcome = await call(senders, operationId, build(recipe)).then(
          () => 'sent',
          (error: unknown) => error,
        );
        if (expected.accepted) {
          accepted++;
          expect(outcome).toBe('sent');
          // An update without a body arrives with an empty one, and no content type.
          expect(server.received.slice(before).map((request) => request.body)).toEqual([expected.text ?? '']);
          expect(server.received[before]?.headers['content-type']).toBe(
            expected.text === undefined ? undefined : 'application/json',
          );
        } else {
          expect(outcome).toBeInstanceOf(ValidationError);
          expect(server.received.length).toBe(before);
        }
      }
      expect(accepted).toBeGreaterThan(socketSample / 20);
    });
  });
});
