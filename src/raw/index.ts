// `whatsapp-senders/raw`: the openapi-fetch client, typed by the spec, for what the main client does
// not offer. A thin face over the transport (src/transport/): the same credentials, base URL,
// User-Agent, redaction, bounds and rules as createSendersClient; it neither validates nor retries.
import type { Client, Middleware } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { paths } from '../../generated/senders.js';
import { resolveConfig } from '../config.js';
import { defaults } from '../defaults.js';
import { ValidationError } from '../errors.js';
import type { ClientOptions } from '../options.js';
import { redactor } from '../redact.js';
import { asFetch } from '../transport/as-fetch.js';
import { pathSegment } from '../transport/scope.js';
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
  'maxResponseBytes',
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

/**
 * Creates the openapi-fetch client of the WhatsApp Senders API, typed by the spec: every path,
 * parameter, body and response of `openapi/senders.yaml`.
 *
 * - Credentials are resolved as `createSendersClient` resolves them (options, then the `TWILIO_*`
 *   variables), and go only to the base URL: a request elsewhere (a per-request `baseUrl`, or a
 *   middleware that changes the URL) is refused with a ValidationError before anything is sent.
 * - Plain `http:` is refused unless the base URL is loopback; a sid of `.`, `..` or `''` is refused.
 * - Redirects are never followed, whatever `fetch` does: a 3xx, or a response a fetch reached by
 *   following one, rejects with an ApiError that names the status and the redacted target.
 * - Every body is read within `maxResponseBytes`; a longer one, a cut one, or a 2xx (but 204)
 *   without one rejects with an ApiError that keeps the status.
 * - A 4xx or 5xx is openapi-fetch's `{ error, response }`, with credentials redacted from the
 *   error body, headers and status text. `error` is the body (parsed JSON, else text; `undefined`
 *   when empty): test `response.ok` to tell a failure from a success.
 * - A failure to reach the service rejects with a NetworkError, credentials redacted from its
 *   whole cause chain, that says when the request was not sent; an abort rejects with the signal's reason.
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
  const transport = asFetch({
    baseUrl,
    ours: {
      Authorization: authorization,
      'User-Agent': userAgent(options.userAgentExtension),
      'Accept-Encoding': 'gzip, deflate',
    },
    redact: redactor(secrets),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxBytes: options.maxResponseBytes ?? defaults.maxResponseBytes,
  });
  const client = createClient<paths>({ baseUrl, fetch: transport, redirect: 'manual', pathSerializer });
  client.use(refuseOtherTransports(transport, baseUrl));
  return client;
}

/** Each path parameter as one segment, under the transport's rule: never `.`, `..` or empty. */
function pathSerializer(pathname: string, parameters: Record<string, unknown>): string {
  return pathname.replace(/\{(\w+)\}/g, (_, name: string) => pathSegment(parameters?.[name], `params.path.${name}`));
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
      if (options.pathSerializer !== pathSerializer) {
        throw new ValidationError([
          { path: 'options.pathSerializer', message: 'cannot be set per request: a sid is one path segment' },
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
