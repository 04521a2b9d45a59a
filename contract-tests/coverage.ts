// How the contract suite calls each operation of the spec through the client, derived from the spec and
// the client's own names for its operations (src/operation-methods.ts). operations.test.ts reads every
// operation, documented status and named example from the spec, and runs each through these calls: an
// operation added to the spec is covered as soon as the client has its method, with nothing declared here.
import { operationTable } from '../generated/operations.js';
import type { RequestOptions, SendersClient } from '../src/index.js';
import { operationNames, pathNames } from '../src/operation-methods.js';
import type { OperationId, Sender } from '../src/types.js';
import { operations, requestExample, responseExample, type SpecOperation } from './spec.js';

/** A SID the spec's own examples use. */
export const exampleSid = responseExample<Sender>('fetchSender', '200', 'online').sid;

/** One operation sent through the client with valid input: a named request example (by default its first). */
export type Call = (senders: SendersClient, options: RequestOptions, requestExampleName?: string) => Promise<unknown>;

/**
 * The call of an operation: the client's method of that name, with `exampleSid` for each path parameter and a
 * request example for its body; `list` (a page of 2) for the operation the client pages through.
 */
function callOf(operation: SpecOperation): Call {
  if ('pagination' in operationTable[operation.operationId])
    return (senders, options) => senders.list({ pageSize: 2 }, options);
  const method = Object.entries(operationNames).find(([, id]) => id === operation.operationId)?.[0];
  if (!method) throw new Error(`the client has no method for ${operation.operationId} (src/operation-methods.ts)`);
  const [firstExample] = Object.keys(operation.requestExamples);
  return (senders, options, name = firstExample) => {
    const body = name === undefined ? [] : [requestExample(operation.operationId, name)];
    const send = senders[method as keyof typeof operationNames] as (...args: unknown[]) => Promise<unknown>;
    return send(...pathNames(operation.path).map(() => exampleSid), ...body, options);
  };
}

/** The call of every operation of the spec, by its operationId. */
export const calls = Object.fromEntries(
  operations.map((operation) => [operation.operationId, callOf(operation)]),
) as Record<OperationId, Call>;
