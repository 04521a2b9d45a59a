import type { Client } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { paths } from '../generated/senders.js';
import { resolveConfig } from './config.js';
import { ValidationError } from './errors.js';
import { type ClientOptions, defaults, type RequestOptions } from './options.js';
import { type IterateParams, walkPages } from './pagination.js';
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
  const { baseUrl, authorization } = resolveConfig(options);
  const settings = { ...defaults, ...definedOnly(options) };
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

  async function call<T>(
    operationId: OperationId | undefined,
    method: string,
    url: string,
    parts: RequestParts,
    callOptions: RequestOptions,
    exchange: (signal: AbortSignal) => Promise<Exchange>,
  ): Promise<T> {
    if (settings.validate && operationId) validateRequest(operationId, parts);
    const limits = { signal: callOptions.signal, timeoutMs: callOptions.timeoutMs ?? settings.timeoutMs };
    return perform<T>(method, url, limits, exchange);
  }
  const read = async (pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<Exchange> => {
    const { data, error, response } = await pending;
    return { response, text: data as string | undefined, error };
  };
  const itemUrl = (sid: string) => `${baseUrl}${item.replace('{Sid}', encodeURIComponent(String(sid)))}`;
  const query = (params: ListParams): Query => ({
    Channel: 'whatsapp',
    PageSize: params.pageSize,
    Page: params.page,
    PageToken: params.pageToken,
  });

  const list = (params: ListParams = {}, { headers, ...callOptions }: RequestOptions = {}) =>
    call<SendersPage>('listSenders', 'GET', baseUrl + collection, { query: query(params) }, callOptions, (signal) =>
      read(raw.GET(collection, { params: { query: query(params) }, headers, signal, parseAs: 'text' })),
    );

  return {
    raw,
    create: (body, { headers, ...callOptions } = {}) =>
      call('createSender', 'POST', baseUrl + collection, { body }, callOptions, (signal) =>
        read(raw.POST(collection, { body, headers, signal, parseAs: 'text' })),
      ),
    get: (sid, { headers, ...callOptions } = {}) =>
      call('fetchSender', 'GET', itemUrl(sid), { path: { Sid: sid } }, callOptions, (signal) =>
        read(raw.GET(item, { params: { path: { Sid: sid } }, headers, signal, parseAs: 'text' })),
      ),
    update: (sid, body, { headers, ...callOptions } = {}) =>
      call('updateSender', 'POST', itemUrl(sid), { path: { Sid: sid }, body }, callOptions, (signal) =>
        read(raw.POST(item, { params: { path: { Sid: sid } }, body, headers, signal, parseAs: 'text' })),
      ),
    delete: (sid, { headers, ...callOptions } = {}) =>
      call<void>('deleteSender', 'DELETE', itemUrl(sid), { path: { Sid: sid } }, callOptions, (signal) =>
        read(raw.DELETE(item, { params: { path: { Sid: sid } }, headers, signal, parseAs: 'text' })),
      ),
    list,
    iterate: ({ pageSize, limit } = {}, requestOptions = {}) => {
      const { headers, ...callOptions } = requestOptions;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
        throw new ValidationError([{ path: '$.limit', message: 'must be a whole number, 0 or more' }]);
      }
      const next = (url: string) =>
        // A next page URL is the service's own, followed as given: nothing of ours to validate.
        call<SendersPage>(undefined, 'GET', url, {}, callOptions, (signal) =>
          getUrl(
            fetchImpl,
            url,
            { ...headers, Accept: 'application/json', Authorization: authorization, 'User-Agent': agent },
            signal,
          ),
        );
      return walkPages(() => list({ pageSize }, requestOptions), next, new URL(baseUrl).origin, limit);
    },
  };
}

/** Drops keys set to undefined, so that they do not override a default. */
function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
