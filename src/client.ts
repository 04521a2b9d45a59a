import { type OperationAt, type OperationEntry, type OperationId, operationTable } from '../generated/operations.js';
import { resolveConfig } from './config.js';
import { type DefaultedOptions, defaultedOptions, defaults } from './defaults.js';
import { NextPageError, ValidationError } from './errors.js';
import { checkWait, type WaitOptions, waitForStatus, waitOnlyKeys } from './lifecycle.js';
import { checkObject, type ListParams, listQuery, pageProblem, parameterNames, queryString } from './list-params.js';
import {
  type OperationMethod,
  type OperationResult,
  operationMethods,
  type operationNames,
  pathNames,
  type Runner,
} from './operation-methods.js';
import { type ClientOptions, type RequestOptions, readRequestOptions } from './options.js';
import { type IterateParams, walkPages } from './pagination.js';
import { buildingWith, readingInput, requestHeaders, serializeBody } from './prepare.js';
import { redactor } from './redact.js';
import { requestIdOf } from './request-id.js';
import { statusesOf } from './statuses.js';
import { type Call, perform } from './transport/perform.js';
import { pathSegment } from './transport/scope.js';
import { send } from './transport/send.js';
import type { Sender, SenderCreate, SenderStatus, SendersPage } from './types.js';
import { userAgent } from './user-agent.js';
import { own, type RequestParts, validateRequest } from './validate.js';

export type { IterateParams, ListParams, OperationResult };

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

/** The plain methods, one for each operation of `operationNames`, typed by the spec. */
type OperationMethods = {
  [Name in keyof typeof operationNames]: OperationMethod<
    (typeof operationNames)[Name],
    SendersPromise<Void<OperationResult<(typeof operationNames)[Name]>>>
  >;
};
/** A result of nothing (204) is `void` to callers. */
type Void<T> = [T] extends [undefined] ? void : T;

/** The client `createSendersClient` returns. */
export interface SendersClient extends OperationMethods {
  /** Reads one page of the account's WhatsApp senders. */
  list(params?: ListParams, options?: RequestOptions): SendersPromise<SendersPage>;
  /**
   * Every WhatsApp sender of the account, page by page, one page in memory at a time. The request
   * options apply to each page's request. For each page's response, use `list().withResponse()`.
   */
  iterate(params?: IterateParams, options?: RequestOptions): AsyncGenerator<Sender, void, undefined>;
  /**
   * Reads the sender until its status is one of `statuses`, polling with backoff from `intervalMs`,
   * for at most `maxWaitMs`. A status that waiting will not change rejects at once, unless awaited:
   * `failed` with a SenderOfflineError, `awaiting-code` and `action-needed` with a
   * SenderStatusError. The TimeoutError names the last status. The request options apply to each read.
   */
  waitForStatus(sid: string, statuses: readonly SenderStatus[], options?: WaitOptions): Promise<Sender>;
  /**
   * Creates a sender, then waits until it awaits its one-time password (`awaiting-code`: the code is
   * on its way) or is `ready`.
   * The request options apply to the create and to each read; `maxWaitMs` bounds the wait.
   */
  register(body: SenderCreate, options?: WaitOptions): Promise<Sender>;
  /**
   * Submits the one-time password (`configuration.verification_code`), then waits until it is `ready`.
   * The request options apply to the update and to each read; `maxWaitMs` bounds the wait.
   */
  verify(sid: string, code: string, options?: WaitOptions): Promise<Sender>;
}

// What register and verify wait for, by the spec's `x-status-kinds`.
const codeOrReady = statusesOf('awaiting-code', 'ready');
const ready = statusesOf('ready');

/** How a call checks its answer, beyond the shared rules. */
type Expect = Pick<Call, 'check' | 'onResponse'>;

/**
 * Creates a client of the WhatsApp Senders API.
 * @example
 * const senders = createSendersClient({ accountSid, authToken });
 * const sender = await senders.get('XE…');
 */
export function createSendersClient(given: ClientOptions = {}): SendersClient {
  // Each option read once, own fields only: a getter or a Proxy cannot answer differently later.
  const options = readingInput(() => ({ ...checkObject(given, 'options') }), 'options') as ClientOptions;
  const { baseUrl, authorization, secrets } = resolveConfig(options);
  // The options that have a default, and nothing else: no credential is kept beside the policy.
  const settings = {} as Record<string, unknown>;
  for (const key of defaultedOptions) settings[key] = options[key] === undefined ? defaults[key] : options[key];
  const {
    validate,
    extraFields,
    timeoutMs: clientTimeoutMs,
    maxResponseBytes,
    ...policy
  } = settings as DefaultedOptions;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sent = { Authorization: authorization, 'User-Agent': userAgent(options.userAgentExtension) };
  const { logger } = options;
  const redact = redactor(secrets);
  // A logger that throws loses its line, never the call: the request may have been applied by then.
  const log =
    logger &&
    ((line: string) => {
      try {
        logger.debug(line);
      } catch {}
    });

  /**
   * One operation, from the generated table: reads and checks its input in one pass, then sends
   * exactly what was checked, with retries as the table's `retrySafe` allows. With `nextPageUrl`,
   * the URL is that link, followed as the service gave it.
   */
  function run<Id extends OperationId>(
    operationId: Id,
    input: () => RequestParts,
    requestOptions: unknown,
    expect: Expect = {},
    nextPageUrl?: string,
  ): SendersPromise<OperationResult<Id>> {
    let final: Response | undefined;
    const { method, path, retrySafe, goneMeansDone } = operationTable[operationId] as OperationEntry;
    const promise = (async () => {
      const { url, headers, body, signal, timeoutMs, maxRetries } = buildingWith(redact, () => {
        const request = readRequestOptions(requestOptions);
        const parts = input();
        const body = 'body' in parts ? serializeBody(parts.body) : undefined;
        if (validate && nextPageUrl === undefined) {
          const extra = [...extraFields, ...(request.extraFields ?? [])];
          validateRequest(operationId, { ...parts, body: body?.value }, parameterNames, extra);
        }
        const filled = pathNames(path).reduce(
          (template, name) => template.replace(`{${name}}`, pathSegment(own(parts.path, name))),
          path as string,
        );
        const url = nextPageUrl ?? baseUrl + filled + queryString(parts.query);
        const ours: Record<string, string> = { Accept: 'application/json', ...sent };
        if (body !== undefined) ours['Content-Type'] = 'application/json';
        const headers = requestHeaders((request.headers ?? {}) as Record<string, string>, ours);
        return { ...request, url, headers, body: body?.text };
      });
      const call: Call = {
        method,
        url,
        headers,
        signal,
        timeoutMs: timeoutMs ?? clientTimeoutMs,
        policy: maxRetries === undefined ? policy : { ...policy, maxRetries },
        retrySafe,
        goneMeansDone,
        redact,
        log,
        check: expect.check,
        onResponse: (response) => {
          final = response;
          expect.onResponse?.(response);
        },
      };
      return perform<OperationResult<Id>>(call, (attempt) =>
        send(fetchImpl, { method, url, headers, body, signal: attempt }, maxResponseBytes),
      );
    })() as SendersPromise<OperationResult<Id>>;
    promise.withResponse = () =>
      promise.then((data) => {
        const response = final as Response;
        return { data, response, requestId: redact(requestIdOf(response.headers)) ?? undefined };
      });
    return promise;
  }

  const plain = operationMethods(run as Runner) as OperationMethods;
  const { get } = plain;

  /** A wait's own options and its request options, each read once; an unknown key is refused. */
  const splitWait = (options: unknown) =>
    readingInput(() => {
      const all = { ...checkObject(options, 'options') } as Record<string, unknown>;
      const wait: Record<string, unknown> = {};
      for (const key of waitOnlyKeys) {
        wait[key] = all[key];
        delete all[key];
      }
      return { wait: wait as Pick<WaitOptions, (typeof waitOnlyKeys)[number]>, request: readRequestOptions(all) };
    }, 'options');
  const wait = (sid: string, statuses: readonly SenderStatus[], parts: ReturnType<typeof splitWait>, seen?: Sender) =>
    waitForStatus(
      get,
      baseUrl + operationTable.fetchSender.path,
      sid,
      statuses,
      parts.wait,
      parts.request,
      seen,
      clientTimeoutMs,
      redact,
    );

  return {
    waitForStatus: async (sid, statuses, options = {}) => wait(sid, statuses, splitWait(options)),
    register: async (body, options = {}) => {
      const parts = splitWait(options);
      checkWait(codeOrReady, parts.wait);
      // The wait reads the 202's sid; a 202 without one is an ApiError that says the create was applied.
      const created = await run('createSender', () => ({ body }), parts.request, { check: sidProblem });
      parts.wait.onStatus?.(created);
      return wait(created.sid, codeOrReady, parts, created);
    },
    verify: async (sid, code, options = {}) => {
      const parts = splitWait(options);
      checkWait(ready, parts.wait);
      const body = { configuration: { verification_code: code } };
      const verifying = await run('updateSender', () => ({ path: { Sid: sid }, body }), parts.request);
      parts.wait.onStatus?.(verifying);
      return wait(sid, ready, parts, verifying);
    },
    ...plain,
    list: (params = {}, requestOptions = {}) => {
      let query: ReturnType<typeof listQuery> | undefined;
      const read = () => {
        query = listQuery(params);
        return { query };
      };
      return run('listSenders', read, requestOptions, {
        check: (body) => pageProblem(body, query?.PageSize),
      });
    },
    // Lazy: nothing is checked or sent before the first `next()`, where a bad input rejects.
    iterate: async function* (params = {}, requestOptions = {}) {
      const { limit, ...listParams } = readingInput(
        () => ({ ...checkObject(params, 'params') }),
        'params',
      ) as IterateParams;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
        throw new ValidationError([{ path: '$.limit', message: 'must be a whole number, 0 or more' }]);
      }
      const query = readingInput(() => listQuery(listParams, ['pageSize']), 'params');
      let last: Response | undefined;
      const page = (nextPageUrl?: string) =>
        run(
          'listSenders',
          () => ({ query }),
          requestOptions,
          {
            check: (body) => pageProblem(body, query.PageSize),
            onResponse: (response) => {
              last = response;
            },
          },
          nextPageUrl,
        );
      yield* walkPages({
        first: () => page(),
        next: (url) => page(url),
        firstUrl: baseUrl + operationTable.listSenders.path + queryString(query),
        baseUrl,
        limit,
        // A link the walk cannot follow is the service's answer gone wrong: an ApiError on that page.
        refuse: (url, detail) =>
          new NextPageError({
            method: 'GET',
            url: redact(last?.url || url),
            status: last?.status ?? 200,
            requestId: redact(requestIdOf(last?.headers)),
            body: undefined,
            detail: redact(detail),
            nextPageUrl: redact(url),
          }),
      });
    },
  };
}

/** What is wrong with a created sender for waiting on it, or undefined: its sid must be one. */
function sidProblem(body: unknown): string | undefined {
  const sid = own(body as Record<string, unknown>, 'sid');
  try {
    validateRequest('fetchSender', { path: { Sid: sid } });
    return undefined;
  } catch {
    return `carries ${sid === undefined ? 'no sid' : 'no valid sid'}, so the new sender cannot be awaited; list the senders to find it before creating it again`;
  }
}
