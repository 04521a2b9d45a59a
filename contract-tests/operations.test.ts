// Every documented status and every named example of every operation of the spec, through the client.
import { describe, expect, it } from 'vitest';
import { operationTable } from '../generated/operations.js';
import { ApiError, defaults, type TwilioError } from '../src/index.js';
import { senders } from './client.js';
import { calls } from './coverage.js';
import { operations } from './spec.js';

const isSuccess = (status: number) => status >= 200 && status < 300;

// Read from the spec: an operation, a status or an example added there is run here with nothing else to declare.
describe.each(operations.map((operation) => [operation.operationId, operation] as const))(
  '%s',
  (operationId, operation) => {
    const call = calls[operationId];
    const documented = operation.responses;

    for (const [key, named] of Object.entries(documented)) {
      const examples = Object.keys(named);
      const status = Number(key);
      // Prism serves the first named example of a response unless told otherwise.
      const first = Object.values(documented[key] ?? {})[0];

      if (isSuccess(status)) {
        it(`succeeds with ${status} through the client`, async () => {
          const result = await call(senders, { headers: { Prefer: `code=${status}` } });
          expect(result).toEqual(first);
        });
      } else {
        it(`raises an ApiError for a documented ${status}`, async () => {
          const error: unknown = await call(senders, { headers: { Prefer: `code=${status}` } }).catch(
            (caught) => caught,
          );
          const { code } = first as TwilioError;
          expect(error).toBeInstanceOf(ApiError);
          expect(error).toMatchObject({ status, code, body: first });
          expect((error as ApiError).requestId).toMatch(/^RQ[0-9a-fA-F]{32}$/);
          expect((error as ApiError).message).toContain(`→ ${status} (${code}: `);
          // The retry policy, through Prism: a 5xx is retried only on an operation the spec says is safe to
          // send again (x-retry-after-ambiguous-failure); the 429's Retry-After is read from the response
          // and, being over maxRetryDelayMs, ends the call.
          const { retrySafe } = operationTable[operationId];
          const retried = status >= 500 && retrySafe;
          expect((error as ApiError).attempts).toBe(retried ? defaults.maxRetries + 1 : 1);
          if (status === 429) expect((error as ApiError).retryAfterMs).toBe(2_000);
          if (status >= 500 && !retrySafe) expect((error as ApiError).message).toContain('not retried');
        });
      }

      for (const name of examples) {
        it(`serves the ${status} example "${name}" and the client reads it`, async () => {
          const expected = documented[key]?.[name];
          const options = { headers: { Prefer: `code=${status}, example=${name}` } };
          if (isSuccess(status)) {
            expect(await call(senders, options)).toEqual(expected);
          } else {
            await expect(call(senders, options)).rejects.toMatchObject({ status, body: expected });
          }
        });
      }
    }

    for (const name of Object.keys(operation.requestExamples)) {
      it(`accepts the request example "${name}"`, async () => {
        // Prism validates the request with --errors: a body off the spec would come back as 400.
        await expect(call(senders, {}, name)).resolves.toBeDefined();
      });
    }
  },
);
