// `whatsapp-senders/raw`: the openapi-fetch client, typed by the spec, for what the main client does
// not offer. It sends the same credentials, to the same base URL, under the same rules as
// createSendersClient, with the same User-Agent and redaction; it neither validates nor retries.
import type { Client, Middleware } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { paths } from '../../generated/senders.js';
import { resolveConfig } from '../config.js';
import { ApiError, NetworkError, ValidationError } from '../errors.js';
import type { ClientOptions } from '../options.js';
import { type Redact, redactor } from '../redact.js';
import { requestIdOf } from '../request-id.js';
import { userAgent } from '../user-agent.js';

export type { paths };

/** The openapi-fetch client of the spec's `paths`, as `createRawClient` returns it. */
export type RawClient = Client<paths>;

// What the raw client takes of the main client's options: who calls, where, and with which fetch.
const optionNames = [
  'accountSid',
  'authToken',
  'apiKey',
  'apiSecret',
  'baseUrl',
  'edge',
  'region',
  'userAgentExtension',
  'fetch',
] as const satisfies readonly (keyof ClientOptions)[];

/**
 * The options of `createRawClient`: the credentials, the host and the fetch of `createSendersClient`,
 * each with the same meaning and default. There is no `validate`, `timeoutMs` or retry option: the
 * raw client sends each request once, as given; pass a `signal` per request to bound it.
 */
export type RawClientOptions = Pick<ClientOptions, (typeof optionNames)[number]>;

// openapi-fetch's CJS build sets `exports.default` without `__esModule`, so from our CJS build its
// default export arrives one level down; from ESM it is where it should be.
type CreateClient = typeof openapiFetch.default;
const createClient: CreateClient =
  (openapiFetch.default as unknown as { default?: CreateClient }).default ?? openapiFetch.default;

// Headers the client owns: a caller's value would replace the credentials or join them.
const ownHeaders = ['authorization', 'user-agent'];

/**
 * Creates the openapi-fetch client of the WhatsApp Senders API, typed by the spec: every path,
 * parameter, body and response of `openapi/senders.yaml`.
 *
 * - Credentials are resolved as `createSendersClient` resolves them (options, then the `TWILIO_*`
 *   variables), and go only to the base URL: a request elsewhere (a per-request `baseUrl`, or a
 *   middleware that changes the URL) is refused with a ValidationError before anything is sent.
 * - Plain `http:` is refused unless the base URL is loopback.
 * - Redirects are never followed (`redirect: 'manual'`): a 3xx rejects with an ApiError that names
 *   the status and the redacted `Location`. It is never `{ data }`, and never `{ error }`, whose
 *   value openapi-fetch leaves `undefined` for an empty body.
 * - A 4xx or 5xx is openapi-fetch's `{ error, response }`, with credentials redacted from the
 *   error body and headers. `error` is the body (parsed JSON, else text; `undefined` when empty):
 *   test `response.ok` to tell a failure from a success.
 * - A failure to reach the service rejects with a NetworkError, credentials redacted; an abort
 *   rejects with the signal's reason.
 * - Middlewares (`client.use`) see requests without the Authorization header: it is added last.
 *
 * @example
 * const raw = createRawClient({ accountSid, authToken });
 * const { data, error, response } = await raw.GET('/v2/Channels/Senders/{Sid}', {
 *   params: { path: { Sid: 'XE…' } },
 * });
 */
export function createRawClient(options: RawClientOptions = {}): RawClient {
  checkOptions(options);
  const { baseUrl, authorization, secrets } = resolveConfig(options);
  const redact = redactor(secrets);
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const agent = userAgent(options.userAgentExtension);

  const transport = async (request: Request): Promise<Response> => {
    const { method, url } = request;
    refuseIfElsewhere(url, baseUrl, redact);
    const given = ownHeaders.filter((name) => request.headers.has(name));
    if (given.length > 0) {
      throw new ValidationError(
        given.map((name) => ({ path: `headers.${name}`, message: 'is set by the client; pass options to it instead' })),
      );
    }
    // A copy that does not follow redirects, whatever the call's options asked for.
    const sent = new Request(request, { redirect: 'manual' });
    sent.headers.set('Authorization', authorization);
    sent.headers.set('User-Agent', agent);
    let response: Response;
    try {
      response = await fetchImpl(sent);
    } catch (failure) {
      if (request.signal.aborted) throw failure;
      const text = failure instanceof Error ? failure.message : String(failure);
      throw new NetworkError(method, url, redact(text) === text ? failure : new Error(redact(text)));
    }
    // A fetch of the caller's that follows redirects anyway must not turn one into a success either.
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400) ||
      response.redirected
    ) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.redirected ? response.url : response.headers.get('Location');
      throw new ApiError({
        method,
        url,
        status: response.status,
        requestId: redact(requestIdOf(response.headers)),
        body: undefined,
        detail: `the service redirected${location ? ` to ${redact(location)}` : ''}; redirects are not followed`,
      });
    }
    return response.ok ? response : redactedCopy(response, redact);
  };

  const client = createClient<paths>({ baseUrl, fetch: transport, redirect: 'manual' });
  client.use(refuseOtherTransports(transport, baseUrl));
  return client;
}

/** Refuses options the raw client does not have, such as `maxRetries`, rather than ignore them. */
function checkOptions(options: unknown): asserts options is RawClientOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError([{ path: '$', message: 'must be an object' }]);
  }
  const unknown = Object.keys(options).filter((key) => !(optionNames as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((key) => ({
        path: `$.${key}`,
        message: 'is not an option of createRawClient, which neither validates nor retries (createSendersClient does)',
      })),
    );
  }
}

/** A per-request `baseUrl` or `fetch` would send the call past the client's credentials and rules. */
function refuseOtherTransports(transport: unknown, baseUrl: string): Middleware {
  return {
    onRequest({ options }) {
      if (options.fetch !== transport) {
        throw new ValidationError([
          { path: 'options.fetch', message: 'cannot be set per request; pass fetch to createRawClient' },
        ]);
      }
      if (options.baseUrl !== baseUrl) {
        throw new ValidationError([
          { path: 'options.baseUrl', message: 'cannot be set per request: credentials go only to the client’s' },
        ]);
      }
    },
  };
}

/** Throws unless `url` is under the base URL: the credentials go nowhere else. */
function refuseIfElsewhere(url: string, baseUrl: string, redact: Redact): void {
  const target = new URL(url);
  const base = new URL(baseUrl);
  const under = base.pathname === '/' ? '/' : `${base.pathname}/`;
  if (target.origin !== base.origin || !(target.pathname === base.pathname || target.pathname.startsWith(under))) {
    throw new ValidationError([
      { path: 'url', message: `${redact(target.origin)} is not under ${baseUrl}: credentials go only there` },
    ]);
  }
}

/** The response with its body and header values redacted, for openapi-fetch to read as `error`. */
async function redactedCopy(response: Response, redact: Redact): Promise<Response> {
  const text = await response.text();
  const body = redact(text);
  const headers = new Headers();
  for (const [name, value] of response.headers) {
    // A redacted body has another length; openapi-fetch reads a Content-Length of 0 as "no body".
    if (name !== 'content-length' || body === text) headers.append(name, redact(value));
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
