import type { Client } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { paths } from '../generated/senders.js';
import { resolveConfig } from './config.js';
import { ApiError, ValidationError } from './errors.js';
import { type WaitOptions, waitForStatus } from './lifecycle.js';
import { type ClientOptions, defaults, type RequestOptions, readRequestOptions } from './options.js';
import { type IterateParams, walkPages } from './pagination.js';
import { buildingWith, pathSegment, readingInput, requestHeaders, serializeBody } from './prepare.js';
import { redactor } from './redact.js';
import { type Call, perform, requestIdHeader, send } from './request.js';
import type { OperationId, Sender, SenderCreate, SenderStatus, SendersPage, SenderUpdate } from './types.js';
import { userAgent } from './user-agent.js';
import { own, type RequestParts, validateRequest } from './validate.js';

// openapi-fetch's CJS build sets `exports.default` without `__esModule`, so from our CJS build its
// default export arrives one level down; from ESM it is where it should be.
type CreateClient = typeof openapiFetch.default;
const createClient: CreateClient =
  (openapiFetch.default as unknown as { default?: CreateClient }).default ?? openapiFetch.default;

// The two paths of the resource, checked against the generated `paths` by the compiler.
const collection = '/v2/Channels/Senders' satisfies keyof paths;
const item = '/v2/Channels/Senders/{Sid}' satisfies keyof paths;
type Query = NonNullable<paths[typeof collection]['get']['parameters']['query']>;

/** Which page of a list to read. */
export interface ListParams {
  /** How many senders a page holds (1 to 1000). */
  pageSize?: number;
  /** The page index that goes with `pageToken`. */
  page?: number;
  /** The token of the page to read, from a previous page's `meta`. */
  pageToken?: string;
}

export type { IterateParams };

/** The client `createSendersClient` returns. */
export interface SendersClient {
  /** Registers a sender (202); it starts in `CREATING`. */
  create(body: SenderCreate, options?: RequestOptions): Promise<Sender>;
  /** Fetches one sender. */
  get(sid: string, options?: RequestOptions): Promise<Sender>;
  /** Changes a sender (202); `configuration.verification_code` submits the one-time password. */
  update(sid: string, body: SenderUpdate, options?: RequestOptions): Promise<Sender>;
  /** Deletes a sender (204). */
  delete(sid: string, options?: RequestOptions): Promise<void>;
  /** Reads one page of the account's WhatsApp senders. */
  list(params?: ListParams, options?: RequestOptions): Promise<SendersPage>;
  /** Every WhatsApp sender of the account, page by page, one page in memory at a time. */
  iterate(params?: IterateParams, options?: RequestOptions): AsyncGenerator<Sender, void, undefined>;
  /**
   * Reads the sender until its status is one of `statuses`, polling with backoff from `intervalMs`.
   * OFFLINE rejects with a SenderOfflineError (unless awaited); the timeout names the last status.
   */
  waitForStatus(sid: string, statuses: readonly SenderStatus[], options?: WaitOptions): Promise<Sender>;
  /** Creates a sender, then waits until it is PENDING_VERIFICATION (the code is on its way) or ONLINE. */
  register(body: SenderCreate, options?: WaitOptions): Promise<Sender>;
  /** Submits the one-time password (`configuration.verification_code`), then waits until ONLINE. */
  verify(sid: string, code: string, options?: WaitOptions): Promise<Sender>;
  /** The underlying openapi-fetch client, typed by the spec, for anything else. */
  readonly raw: Client<paths>;
}

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
  const settings = { ...defaults, ...definedOnly(options) };
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
  const call = { policy: settings, redact, log };
  // Redirects are not followed here either: they would carry credentials and bodies elsewhere.
  const raw = createClient<paths>({ baseUrl, fetch: fetchImpl, redirect: 'manual' });
  // Set per request, so that the client object itself holds no credential to print.
  raw.use({
    onRequest({ request }) {
      for (const [name, value] of Object.entries(sent)) request.headers.set(name, value);
      return request;
    },
  });

  /**
   * One operation: reads and checks its input in one pass, then sends exactly what was checked,
   * with retries. Without an operationId, `path` is a next page URL, followed as the service gave it.
   */
  async function run<T>(
    operationId: OperationId | undefined,
    method: string,
    path: string,
    input: () => RequestParts,
    requestOptions: unknown,
    expect: Pick<Call, 'check' | 'onResponse'> = {},
  ): Promise<T> {
    const { url, headers, body, signal, timeoutMs } = buildingWith(redact, () => {
      const { signal, timeoutMs = settings.timeoutMs, headers: extra = {} } = readRequestOptions(requestOptions);
      const parts = input();
      const body = 'body' in parts ? serializeBody(parts.body) : undefined;
      if (settings.validate && operationId) {
        validateRequest(operationId, { ...parts, body: body?.value }, parameterNames);
      }
      const segment = path.includes('{Sid}') ? pathSegment(own(parts.path, 'Sid')) : '';
      const url = operationId ? baseUrl + path.replace('{Sid}', segment) + queryString(parts.query) : path;
      const ours: Record<string, string> = { Accept: 'application/json', ...sent };
      if (body !== undefined) ours['Content-Type'] = 'application/json';
      const headers = requestHeaders(extra, ours);
      return { url, headers, body: body?.text, signal, timeoutMs };
    });
    return perform<T>({ ...call, ...expect, method, url, headers, signal, timeoutMs }, (attempt) =>
      send(fetchImpl, method, url, headers, body, attempt),
    );
  }
  const list = async (params: ListParams = {}, requestOptions: RequestOptions = {}) =>
    run<SendersPage>('listSenders', 'GET', collection, () => ({ query: listQuery(params) }), requestOptions, {
      check: pageProblem,
    });
  const get = (sid: string, requestOptions: RequestOptions = {}) =>
    run<Sender>('fetchSender', 'GET', item, () => ({ path: { Sid: sid } }), requestOptions);
  const wait = (sid: string, statuses: readonly SenderStatus[], options: WaitOptions = {}, seen?: Sender) =>
    waitForStatus(get, baseUrl + item, sid, statuses, options, seen, settings.timeoutMs, redact);
  const signalOf = (options: WaitOptions) =>
    readingInput(() => {
      const { signal } = checkObject(options, 'options') as WaitOptions;
      return signal ? { signal } : {};
    }, 'options');

  return {
    raw,
    waitForStatus: (sid, statuses, options) => wait(sid, statuses, options),
    register: async (body, options = {}) => {
      // The wait reads the 202's sid; a 202 without one is an ApiError that says the create was applied.
      const created = await run<Sender>('createSender', 'POST', collection, () => ({ body }), signalOf(options), {
        check: sidProblem,
      });
      options.onStatus?.(created);
      return wait(created.sid, ['PENDING_VERIFICATION', 'ONLINE'], options, created);
    },
    verify: async (sid, code, options = {}) => {
      const verifying = await run<Sender>(
        'updateSender',
        'POST',
        item,
        () => ({ path: { Sid: sid }, body: { configuration: { verification_code: code } } }),
        signalOf(options),
      );
      options.onStatus?.(verifying);
      return wait(sid, ['ONLINE'], options, verifying);
    },
    create: (body, requestOptions = {}) => run('createSender', 'POST', collection, () => ({ body }), requestOptions),
    get,
    update: (sid, body, requestOptions = {}) =>
      run('updateSender', 'POST', item, () => ({ path: { Sid: sid }, body }), requestOptions),
    delete: (sid, requestOptions = {}) =>
      run('deleteSender', 'DELETE', item, () => ({ path: { Sid: sid } }), requestOptions),
    list,
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
      const page = (operationId: OperationId | undefined, path: string) =>
        run<SendersPage>(operationId, 'GET', path, () => ({ query }), requestOptions, {
          check: pageProblem,
          onResponse: (response) => {
            last = response;
          },
        });
      yield* walkPages({
        first: () => page('listSenders', collection),
        next: (url) => page(undefined, url),
        firstUrl: baseUrl + collection + queryString(query),
        baseOrigin: new URL(baseUrl).origin,
        limit,
        // A link the walk cannot follow is the service's answer gone wrong: an ApiError on that page.
        refuse: (url, detail) =>
          new ApiError({
            method: 'GET',
            url: redact(last?.url || url),
            status: last?.status ?? 200,
            requestId: redact(last?.headers.get(requestIdHeader)),
            body: undefined,
            detail: redact(detail),
          }),
      });
    },
  };
}

/** What is wrong with a page body, or undefined: `senders` a list, `meta` an object, a next URL a string or null. */
function pageProblem(body: unknown): string | undefined {
  const senders = own(body as Record<string, unknown>, 'senders');
  const meta = own(body as Record<string, unknown>, 'meta');
  if (!Array.isArray(senders)) return `is not a page of senders: senders is ${kind(senders)}, not a list`;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    return `is not a page of senders: meta is ${kind(meta)}, not an object`;
  const next = own(meta as Record<string, unknown>, 'next_page_url');
  if (next !== undefined && next !== null && typeof next !== 'string')
    return `is not a page of senders: meta.next_page_url is ${kind(next)}, not a URL or null`;
  return undefined;
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

const kind = (value: unknown) =>
  value === undefined ? 'missing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;

// The list parameters users pass, by the spec's query parameter names.
const queryNames = { pageSize: 'PageSize', page: 'Page', pageToken: 'PageToken' } as const satisfies Record<
  keyof ListParams,
  keyof Query
>;

// The other way round, for naming a parameter in a ValidationError as the caller wrote it.
const parameterNames: Record<string, string> = Object.fromEntries(
  Object.entries(queryNames).map(([key, name]) => [name, key]),
);

/** The query of a list call, each parameter read once; refuses keys that are not list parameters (`page_size`…). */
function listQuery(params: unknown, allowed: readonly string[] = Object.keys(queryNames)): Query {
  const given = { ...checkObject(params, 'params') } as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((key) => ({ path: `$.${key}`, message: `is not a list parameter; use ${allowed.join(', ')}` })),
    );
  }
  const query: Record<string, unknown> = { Channel: 'whatsapp' };
  for (const [key, name] of Object.entries(queryNames)) query[name] = own(given, key);
  return query as Query;
}

function checkObject(value: unknown, name: string): object {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  throw new ValidationError([{ path: name, message: 'must be an object' }]);
}

/** `?Channel=whatsapp&PageSize=20`, the parameters in the order given, without the undefined ones. */
function queryString(query: Record<string, unknown> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`).join('&')}`;
}

/** Drops keys set to undefined, so that they do not override a default. */
function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
