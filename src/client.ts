import type { Client } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { paths } from '../generated/senders.js';
import { resolveConfig } from './config.js';
import { ValidationError } from './errors.js';
import { type WaitOptions, waitForStatus } from './lifecycle.js';
import { type ClientOptions, checkRequestOptions, defaults, type RequestOptions } from './options.js';
import { type IterateParams, walkPages } from './pagination.js';
import { redactor } from './redact.js';
import { perform, send } from './request.js';
import type { OperationId, Sender, SenderCreate, SenderStatus, SendersPage, SenderUpdate } from './types.js';
import { userAgent } from './user-agent.js';
import { type RequestParts, validateRequest } from './validate.js';

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
export function createSendersClient(options: ClientOptions = {}): SendersClient {
  const { baseUrl, authorization, secrets } = resolveConfig(options);
  const settings = { ...defaults, ...definedOnly(options) };
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sent = { Authorization: authorization, 'User-Agent': userAgent(options.userAgentExtension) };
  const { logger } = options;
  const call = { policy: settings, redact: redactor(secrets), log: logger && ((line: string) => logger.debug(line)) };
  const raw = createClient<paths>({ baseUrl, fetch: fetchImpl });
  // Set per request, so that the client object itself holds no credential to print.
  raw.use({
    onRequest({ request }) {
      for (const [name, value] of Object.entries(sent)) request.headers.set(name, value);
      return request;
    },
  });

  /**
   * One operation: checks its input, then sends it, with retries. Without an operationId, `path`
   * is a next page URL, followed exactly as the service gave it.
   */
  async function run<T>(
    operationId: OperationId | undefined,
    method: string,
    path: string,
    parts: RequestParts,
    requestOptions: unknown,
  ): Promise<T> {
    checkRequestOptions(requestOptions);
    if (settings.validate && operationId) validateRequest(operationId, parts, parameterNames);
    const body = 'body' in parts ? serialize(parts.body) : undefined;
    const { signal, timeoutMs = settings.timeoutMs, headers: extra } = requestOptions;
    const url = operationId
      ? baseUrl + path.replace('{Sid}', encode(parts.path?.Sid)) + queryString(parts.query)
      : path;
    const headers: Record<string, string> = { ...extra, Accept: 'application/json', ...sent };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return perform<T>({ ...call, method, url, headers, signal, timeoutMs }, (attempt) =>
      send(fetchImpl, method, url, headers, body, attempt),
    );
  }
  const list = async (params: ListParams = {}, requestOptions: RequestOptions = {}) =>
    run<SendersPage>('listSenders', 'GET', collection, { query: listQuery(params) }, requestOptions);
  const get = (sid: string, requestOptions: RequestOptions = {}) =>
    run<Sender>('fetchSender', 'GET', item, { path: { Sid: sid } }, requestOptions);
  const wait = (sid: string, statuses: readonly SenderStatus[], options: WaitOptions = {}, seen?: Sender) =>
    waitForStatus(get, baseUrl + item.replace('{Sid}', encode(sid)), sid, statuses, options, seen);
  const signalOf = ({ signal }: WaitOptions) => (signal ? { signal } : {});

  return {
    raw,
    waitForStatus: (sid, statuses, options) => wait(sid, statuses, options),
    register: async (body, options = {}) => {
      const created = await run<Sender>('createSender', 'POST', collection, { body }, signalOf(options));
      options.onStatus?.(created);
      return wait(created.sid, ['PENDING_VERIFICATION', 'ONLINE'], options, created);
    },
    verify: async (sid, code, options = {}) => {
      const body = { configuration: { verification_code: code } };
      const verifying = await run<Sender>(
        'updateSender',
        'POST',
        item,
        { path: { Sid: sid }, body },
        signalOf(options),
      );
      options.onStatus?.(verifying);
      return wait(sid, ['ONLINE'], options, verifying);
    },
    create: (body, requestOptions = {}) => run('createSender', 'POST', collection, { body }, requestOptions),
    get,
    update: (sid, body, requestOptions = {}) =>
      run('updateSender', 'POST', item, { path: { Sid: sid }, body }, requestOptions),
    delete: (sid, requestOptions = {}) => run('deleteSender', 'DELETE', item, { path: { Sid: sid } }, requestOptions),
    list,
    // Lazy: nothing is checked or sent before the first `next()`, where a bad input rejects.
    iterate: async function* (params = {}, requestOptions = {}) {
      const { limit, ...listParams } = checkObject(params, 'params') as IterateParams;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
        throw new ValidationError([{ path: '$.limit', message: 'must be a whole number, 0 or more' }]);
      }
      const query = listQuery(listParams, ['pageSize']);
      yield* walkPages(
        () => run('listSenders', 'GET', collection, { query }, requestOptions),
        (url) => run(undefined, 'GET', url, {}, requestOptions),
        new URL(baseUrl).origin,
        limit,
      );
    },
  };
}

/** A sid as a path segment, for messages and debug lines; never throws, as it runs before validation. */
function encode(sid: unknown): string {
  try {
    return encodeURIComponent(String(sid));
  } catch {
    return ''; // a lone surrogate: validation names it
  }
}

// The list parameters users pass, by the spec's query parameter names.
const queryNames = { pageSize: 'PageSize', page: 'Page', pageToken: 'PageToken' } as const satisfies Record<
  keyof ListParams,
  keyof Query
>;

// The other way round, for naming a parameter in a ValidationError as the caller wrote it.
const parameterNames: Record<string, string> = Object.fromEntries(
  Object.entries(queryNames).map(([key, name]) => [name, key]),
);

/** The query of a list call; refuses keys that are not list parameters (`page_size`, `PageSize`…). */
function listQuery(params: unknown, allowed: readonly string[] = Object.keys(queryNames)): Query {
  const given = checkObject(params, 'params') as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((key) => ({ path: `$.${key}`, message: `is not a list parameter; use ${allowed.join(', ')}` })),
    );
  }
  const query: Record<string, unknown> = { Channel: 'whatsapp' };
  for (const [key, name] of Object.entries(queryNames)) query[name] = given[key];
  return query as Query;
}

function checkObject(value: unknown, name: string): object {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  throw new ValidationError([{ path: name, message: 'must be an object' }]);
}

/**
 * Serializes a body before anything is sent, so that a body JSON cannot hold (a cycle, a BigInt)
 * is a ValidationError even with `validate: false`, and never a half-sent request.
 */
function serialize(body: unknown): string | undefined {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new ValidationError([
      { path: '$', message: `cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
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
