import type { Client } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { paths } from '../generated/senders.js';
import { resolveConfig } from './config.js';
import { ValidationError } from './errors.js';
import { type ClientOptions, checkRequestOptions, defaults, type RequestOptions } from './options.js';
import { type IterateParams, walkPages } from './pagination.js';
import { redactor } from './redact.js';
import { type Exchange, getUrl, perform } from './request.js';
import type { OperationId, Sender, SenderCreate, SendersPage, SenderUpdate } from './types.js';
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

/** What one attempt is sent with. */
interface Send {
  signal: AbortSignal;
  headers: Record<string, string> | undefined;
  bodySerializer: (() => string) | undefined;
}

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
  const redact = redactor(secrets);
  const logger = options.logger;
  const log = logger && ((line: string) => logger.debug(line));
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const agent = userAgent(options.userAgentExtension);
  const raw = createClient<paths>({ baseUrl, fetch: fetchImpl });
  // Set per request, so that the client object itself holds no credential to print.
  raw.use({
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
      request.headers.set('User-Agent', agent);
      return request;
    },
  });

  /** Validates, then performs one call with its retries. `exchange` sends one attempt. */
  async function call<T>(
    operationId: OperationId | undefined,
    method: string,
    url: string,
    parts: RequestParts,
    callOptions: unknown,
    exchange: (init: Send) => Promise<Exchange>,
  ): Promise<T> {
    checkRequestOptions(callOptions);
    if (settings.validate && operationId) validateRequest(operationId, parts, parameterNames);
    const bodySerializer = 'body' in parts ? serializer(parts.body) : undefined;
    const { signal, timeoutMs = settings.timeoutMs, headers } = callOptions;
    return perform<T>(
      {
        method,
        url,
        headers: { ...headers, Authorization: authorization, 'User-Agent': agent },
        signal,
        timeoutMs,
        policy: settings,
        redact,
        log,
      },
      (attemptSignal) => exchange({ signal: attemptSignal, headers, bodySerializer }),
    );
  }
  const read = async (pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<Exchange> => {
    const { data, error, response } = await pending;
    return { response, text: data as string | undefined, error };
  };
  // For messages and debug lines; built before validation, so it must not throw on any input.
  const itemUrl = (sid: string) => {
    let segment = '';
    try {
      segment = encodeURIComponent(String(sid));
    } catch {} // a lone surrogate: validation names it next
    return `${baseUrl}${item.replace('{Sid}', segment)}`;
  };

  const list = async (params: ListParams = {}, requestOptions: RequestOptions = {}) => {
    const query = listQuery(params);
    return call<SendersPage>('listSenders', 'GET', baseUrl + collection, { query }, requestOptions, (init) =>
      read(raw.GET(collection, { params: { query }, ...init, parseAs: 'text' })),
    );
  };

  return {
    raw,
    create: (body, requestOptions = {}) =>
      call('createSender', 'POST', baseUrl + collection, { body }, requestOptions, (init) =>
        read(raw.POST(collection, { body, ...init, parseAs: 'text' })),
      ),
    get: (sid, requestOptions = {}) =>
      call('fetchSender', 'GET', itemUrl(sid), { path: { Sid: sid } }, requestOptions, (init) =>
        read(raw.GET(item, { params: { path: { Sid: sid } }, ...init, parseAs: 'text' })),
      ),
    update: (sid, body, requestOptions = {}) =>
      call('updateSender', 'POST', itemUrl(sid), { path: { Sid: sid }, body }, requestOptions, (init) =>
        read(raw.POST(item, { params: { path: { Sid: sid } }, body, ...init, parseAs: 'text' })),
      ),
    delete: (sid, requestOptions = {}) =>
      call<void>('deleteSender', 'DELETE', itemUrl(sid), { path: { Sid: sid } }, requestOptions, (init) =>
        read(raw.DELETE(item, { params: { path: { Sid: sid } }, ...init, parseAs: 'text' })),
      ),
    list,
    // Lazy: nothing is checked or sent before the first `next()`, where a bad input rejects.
    iterate: async function* (params = {}, requestOptions = {}) {
      checkRequestOptions(requestOptions);
      const { limit, ...listParams } = checkObject(params, 'params') as IterateParams;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
        throw new ValidationError([{ path: '$.limit', message: 'must be a whole number, 0 or more' }]);
      }
      const query = listQuery(listParams, ['pageSize']);
      if (settings.validate) validateRequest('listSenders', { query }, parameterNames);
      const next = (url: string) =>
        // A next page URL is the service's own, followed as given: nothing of ours to validate.
        call<SendersPage>(undefined, 'GET', url, {}, requestOptions, ({ signal, headers }) =>
          getUrl(
            fetchImpl,
            url,
            { ...headers, Accept: 'application/json', Authorization: authorization, 'User-Agent': agent },
            signal,
          ),
        );
      yield* walkPages(() => list(listParams, requestOptions), next, new URL(baseUrl).origin, limit);
    },
  };
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
 * Serializes a body once, before anything is sent, so that a body JSON cannot hold (a cycle, a
 * BigInt) is a ValidationError even with `validate: false`, and never a half-sent request.
 */
function serializer(body: unknown): () => string {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new ValidationError([
      { path: '$', message: `cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
  return () => text;
}

/** Drops keys set to undefined, so that they do not override a default. */
function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
