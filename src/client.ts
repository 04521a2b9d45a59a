import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/senders.js';
import { resolveConfig } from './config.js';
import { ApiError, NetworkError } from './errors.js';
import type { ClientOptions, RequestOptions } from './options.js';
import type { Sender, SenderCreate, SendersPage, SenderUpdate } from './types.js';

// The two paths of the resource, checked against the generated `paths` by the compiler.
const collection = '/v2/Channels/Senders' satisfies keyof paths;
const item = '/v2/Channels/Senders/{Sid}' satisfies keyof paths;

/** Which page of a list to read. */
export interface ListParams {
  /** How many senders a page holds (1 to 1000). */
  pageSize?: number;
  /** The page index that goes with `pageToken`. */
  page?: number;
  /** The token of the page to read, from the service. */
  pageToken?: string;
}

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
  /** The underlying openapi-fetch client, typed by the spec, for anything else. */
  readonly raw: Client<paths>;
}

interface Outcome {
  error?: unknown;
  data?: unknown;
  response: Response;
}

/**
 * Creates a client of the WhatsApp Senders API.
 * @example
 * const senders = createSendersClient({ accountSid, authToken });
 * const sender = await senders.get('XE…');
 */
export function createSendersClient(options: ClientOptions = {}): SendersClient {
  const { baseUrl, authorization } = resolveConfig(options);
  const raw = createClient<paths>({ baseUrl, fetch: options.fetch });
  // Set per request, so that the client object itself holds no credential to print.
  raw.use({
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
      return request;
    },
  });

  async function send<T>(method: string, call: () => Promise<Outcome>): Promise<T> {
    let outcome: Outcome;
    try {
      outcome = await call();
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw new NetworkError(method, baseUrl, error);
    }
    const { response } = outcome;
    const requestId = response.headers.get('Twilio-Request-Id');
    if (!response.ok) {
      throw new ApiError({ method, url: response.url, status: response.status, requestId, body: outcome.error });
    }
    return decode<T>(method, response, outcome.data as string | undefined, requestId);
  }

  const query = (params: ListParams) => ({
    Channel: 'whatsapp' as const,
    PageSize: params.pageSize,
    Page: params.page,
    PageToken: params.pageToken,
  });

  return {
    raw,
    create: (body, { signal, headers } = {}) =>
      send('POST', () => raw.POST(collection, { body, signal, headers, parseAs: 'text' })),
    get: (sid, { signal, headers } = {}) =>
      send('GET', () => raw.GET(item, { params: { path: { Sid: sid } }, signal, headers, parseAs: 'text' })),
    update: (sid, body, { signal, headers } = {}) =>
      send('POST', () => raw.POST(item, { params: { path: { Sid: sid } }, body, signal, headers, parseAs: 'text' })),
    delete: async (sid, { signal, headers } = {}) => {
      await send('DELETE', () =>
        raw.DELETE(item, { params: { path: { Sid: sid } }, signal, headers, parseAs: 'text' }),
      );
    },
    list: (params = {}, { signal, headers } = {}) =>
      send('GET', () => raw.GET(collection, { params: { query: query(params) }, signal, headers, parseAs: 'text' })),
  };
}

/** Parses a 2xx body; one that does not parse is an ApiError, never a bare SyntaxError. */
function decode<T>(method: string, response: Response, text: string | undefined, requestId: string | null): T {
  if (response.status === 204) return undefined as T;
  try {
    return JSON.parse(text ?? '') as T;
  } catch (cause) {
    throw new ApiError({
      method,
      url: response.url,
      status: response.status,
      requestId,
      body: text,
      detail: `the ${response.status} response body is not JSON`,
      cause,
    });
  }
}
