// One call of an operation, from the generated operation table: its input read and checked in one
// pass, then exactly what was checked sent through the transport, as the table's entry says.
import { type OperationEntry, type OperationId, operationTable } from '../generated/operations.js';
import { parameterNames, queryString } from './list-params.js';
import { fillPath, type OperationResult } from './operation-methods.js';
import { readRequestOptions } from './options.js';
import { buildingWith, requestHeaders, serializeBody } from './prepare.js';
import { requestIdOf } from './request-id.js';
import type { Settings } from './settings.js';
import { type Call, perform } from './transport/perform.js';
import { pathSegment } from './transport/scope.js';
import { send } from './transport/send.js';
import { own, type RequestParts, validateRequest } from './validate.js';

/** A successful call with what came with it, from `.withResponse()`. */
export interface WithResponse<T> {
  /** What the plain call resolves to. */
  data: T;
  /**
   * The final response: the one the result was read from, after any retries. Its body has been read;
   * `headers`, `status` and `url` are there to read. (A delete whose retry found the sender gone ends
   * with that 404.)
   */
  response: Response;
  /** The response's request id (`Twilio-Request-Id` or `T-Request-Id`), credentials redacted; undefined when it had none (behind a proxy, say). */
  requestId: string | undefined;
}

/**
 * The promise of one operation: await it for the result, or call `.withResponse()` for the result
 * with its response and request id. Both are the same single call: nothing is sent twice.
 */
export interface SendersPromise<T> extends Promise<T> {
  /** The same call's result with its final `Response` and request id; rejects with the same error. */
  withResponse(): Promise<WithResponse<T>>;
}

/** How a call checks its answer, beyond the shared rules. */
export type Expect = Pick<Call, 'check' | 'onResponse'>;

/**
 * Calls one operation: `input` and the request options are read and checked once, then sent with
 * retries as the table's `retrySafe` allows. With `nextPageUrl`, the URL is that link, followed as
 * the service gave it.
 */
export type Run = <Id extends OperationId>(
  operationId: Id,
  input: () => RequestParts,
  requestOptions: unknown,
  expect?: Expect,
  nextPageUrl?: string,
) => SendersPromise<OperationResult<Id>>;

/** The `run` of a client with these settings. */
export function caller(settings: Settings): Run {
  return (operationId, input, requestOptions, expect = {}, nextPageUrl) => {
    let final: Response | undefined;
    const entry: OperationEntry = operationTable[operationId];
    const { redact } = settings;
    const promise = (async () => {
      const request = build(settings, operationId, input, requestOptions, nextPageUrl);
      const { url, headers, body, signal, timeoutMs, maxRetries } = request;
      // The entry's method and flags (retrySafe, goneMeansDone, emptyBody) say how the call is made.
      const call: Call = {
        ...entry,
        url,
        headers,
        signal,
        timeoutMs: timeoutMs ?? settings.timeoutMs,
        policy: maxRetries === undefined ? settings.policy : { ...settings.policy, maxRetries },
        redact,
        log: settings.log,
        check: expect.check,
        onResponse: (response) => {
          final = response;
          expect.onResponse?.(response);
        },
      };
      return perform(call, (attempt) =>
        send(settings.fetch, { method: entry.method, url, headers, body, signal: attempt }, settings.maxResponseBytes),
      );
    })() as SendersPromise<never>;
    promise.withResponse = () =>
      promise.then((data) => {
        const response = final as Response;
        return { data, response, requestId: redact(requestIdOf(response.headers)) ?? undefined };
      });
    return promise;
  };
}

/** The request of one call, built in one pass: each input read once, and what is checked is what is sent. */
function build(
  settings: Settings,
  operationId: OperationId,
  input: () => RequestParts,
  requestOptions: unknown,
  nextPageUrl: string | undefined,
) {
  return buildingWith(settings.redact, () => {
    const request = readRequestOptions(requestOptions);
    const parts = input();
    const body = 'body' in parts ? serializeBody(parts.body) : undefined;
    if (settings.validate && nextPageUrl === undefined) {
      const extra = [...settings.extraFields, ...(request.extraFields ?? [])];
      validateRequest(operationId, { ...parts, body: body?.value }, parameterNames, extra);
    }
    const path = fillPath(operationTable[operationId].path, (name) => pathSegment(own(parts.path, name)));
    const url = nextPageUrl ?? settings.baseUrl + path + queryString(parts.query);
    const ours: Record<string, string> = { Accept: 'application/json', ...settings.sent };
    if (body !== undefined) ours['Content-Type'] = 'application/json';
    const headers = requestHeaders((request.headers ?? {}) as Record<string, string>, ours);
    return { ...request, url, headers, body: body?.text };
  });
}
