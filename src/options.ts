import { ValidationError, type ValidationIssue } from './errors.js';
import { readingInput } from './prepare.js';
import { checkSchema } from './validate.js';

/** How to reach the service and who is calling. */
export interface ClientOptions {
  /**
   * The Account SID, `AC` and 32 hex digits.
   * @default process.env.TWILIO_ACCOUNT_SID
   */
  accountSid?: string;
  /**
   * The Auth Token of the account.
   * @default process.env.TWILIO_AUTH_TOKEN
   */
  authToken?: string;
  /**
   * An API Key SID (`SK` and 32 hex digits), used with `apiSecret` instead of the Auth Token.
   * @default process.env.TWILIO_API_KEY
   */
  apiKey?: string;
  /**
   * The secret of `apiKey`.
   * @default process.env.TWILIO_API_SECRET
   */
  apiSecret?: string;
  /**
   * Where requests go, for a mock or a proxy. Overrides `edge` and `region`.
   * Plain `http:` is refused unless the host is loopback.
   * @default 'https://messaging.twilio.com'
   * @example 'http://127.0.0.1:4010'
   */
  baseUrl?: string;
  /**
   * The edge location, with `region`: `messaging.{edge}.{region}.twilio.com`.
   * @example 'sydney'
   */
  edge?: string;
  /**
   * The processing region, with `edge`. A region alone is refused: Twilio deprecated region-only
   * hosts (`messaging.au1.twilio.com`) from 2026-04-28 (changelog of 2026-02-04). Regional hosts
   * take credentials of that region.
   * @example 'au1'
   */
  region?: string;
  /**
   * Check sids, bodies and list parameters against the spec before sending; `false` lets the server judge.
   * @default defaults.validate
   */
  validate?: boolean;
  /**
   * Body fields the spec does not know yet, sent as given while the rest of the body is still
   * checked: each a snake_case path from the body's root, naming one key (and whatever is inside
   * it), for a field Twilio ships before this package's spec has it. A field the spec knows is
   * checked as ever, whether named here or not.
   * @default defaults.extraFields
   * @example ['profile.new_field']
   */
  extraFields?: readonly string[];
  /**
   * How long one attempt may take, in milliseconds, body included; then it fails with a TimeoutError
   * (and a GET or DELETE is tried again, within `maxRetries`).
   * @default defaults.timeoutMs
   */
  timeoutMs?: number;
  /**
   * How many times a failed attempt is tried again: a 429 on any call; a 500, 502, 503, 504, network
   * failure or timeout on get, list, iterate and delete only. create and update are never sent twice
   * after a 5xx, a network failure or a timeout, since the first may have been applied. 0 turns retries off.
   * @default defaults.maxRetries
   */
  maxRetries?: number;
  /**
   * The first backoff wait, in milliseconds; each retry doubles it, with full jitter (a random wait
   * from 0 to the doubled value), up to `backoffCapMs`. A `Retry-After` from the service wins.
   * @default defaults.backoffBaseMs
   */
  backoffBaseMs?: number;
  /**
   * The longest backoff wait, in milliseconds.
   * @default defaults.backoffCapMs
   */
  backoffCapMs?: number;
  /**
   * The longest `Retry-After` honoured, in milliseconds. When the service asks for longer, the call
   * fails at once with its ApiError, which carries `retryAfterMs`.
   * @default defaults.maxRetryDelayMs
   */
  maxRetryDelayMs?: number;
  /**
   * The most bytes a response body may have, counted as they arrive and after decompression; a
   * longer body is cancelled there and the call fails with an ApiError that says so (for a write,
   * that the request was applied). The default is the largest page the spec allows (a `PageSize`
   * of 1,000) at 16 KiB a sender, a generous bound per sender, with the margin in it.
   * @default defaults.maxResponseBytes
   */
  maxResponseBytes?: number;
  /**
   * Receives one debug line per attempt, response and retry. Credentials are redacted from every
   * line, headers and echoed bodies included.
   * @example console
   */
  logger?: { debug(line: string): void };
  /**
   * Appended to the User-Agent, to name your application in Twilio's logs.
   * @example 'acme-onboarding/2.1'
   */
  userAgentExtension?: string;
  /**
   * The fetch to use.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
}

// Re-exported for src/fleet/accounts.ts, which imports it from here; src/defaults.ts is its one place.
export { defaults } from './defaults.js';

/**
 * Options of a single call. Each name means what it means on the client: `timeoutMs` is always
 * per attempt, `maxRetries` always the attempts after the first.
 */
export interface RequestOptions {
  /** Ends the call when aborted, a backoff wait included; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * How long one attempt may take, in milliseconds, body included, for this call.
   * @default the client's `timeoutMs`
   */
  timeoutMs?: number;
  /**
   * How many times a failed attempt of this call is tried again (the same rules as the client's).
   * @default the client's `maxRetries`
   */
  maxRetries?: number;
  /**
   * More request headers, as an object or a `Headers`. The client's own (`Authorization`, `Accept`,
   * `Content-Type`, `User-Agent`…) cannot be set.
   * @example { Prefer: 'code=404' }
   */
  headers?: Record<string, string> | Headers;
  /**
   * More body fields the spec does not know yet, for this call, beside the client's `extraFields`.
   * @example ['profile.new_field']
   */
  extraFields?: readonly string[];
}

// setTimeout fires at once for anything longer than this.
const longestTimer = 2 ** 31 - 1;
const milliseconds = (minimum: number) => ({ type: 'number', minimum, maximum: longestTimer });

const maxRetries = { type: 'integer', minimum: 0, maximum: 100 };

// The options as schemas, checked by the same code as the spec's own rules.
// Every option is named here, so that a misspelt one (`apikey`, `baseURL`) is an error rather than
// silently ignored while the environment or the default host fills in for it. Credentials and the
// host are checked in src/config.ts; here they only need to be known names.
const headerValue = {
  type: 'string',
  pattern: '^[\\t\\x20-\\x7e\\x80-\\xff]*$',
  'x-pattern-description': 'a header value: visible characters, spaces and tabs, no line break',
  examples: ['code=404'],
};
// A body path such as `profile.new_field`, or `profile.websites[].new_field` inside a list's items:
// snake_case, as the wire is, so that a camelCase key is never let through by naming it.
const extraFields = {
  type: 'array',
  items: {
    type: 'string',
    pattern: '^[a-z][a-z0-9_]*(\\[\\])?(\\.[a-z][a-z0-9_]*(\\[\\])?)*$',
    'x-pattern-description': 'a snake_case field path, with `[]` after a list',
    examples: ['profile.new_field'],
  },
};
const clientRules = {
  type: 'object',
  additionalProperties: false,
  properties: {
    accountSid: {},
    authToken: {},
    apiKey: {},
    apiSecret: {},
    baseUrl: {},
    edge: {},
    region: {},
    // It joins the User-Agent header: what a header value can carry, never a line break.
    userAgentExtension: headerValue,
    timeoutMs: milliseconds(1),
    maxRetries,
    backoffBaseMs: milliseconds(0),
    backoffCapMs: milliseconds(0),
    maxRetryDelayMs: milliseconds(0),
    maxResponseBytes: { type: 'integer', minimum: 1 },
    validate: { type: 'boolean' },
    extraFields,
    fetch: { type: 'function' },
    logger: { type: 'object', required: ['debug'], properties: { debug: { type: 'function' } } },
  },
} satisfies { type: string; additionalProperties: boolean; properties: Record<keyof ClientOptions, object> };
const requestRules = {
  type: 'object',
  additionalProperties: false,
  properties: {
    signal: { type: 'object' },
    timeoutMs: milliseconds(1),
    maxRetries,
    extraFields,
    headers: {
      type: 'object',
      // RFC 9110 token characters; a value must not split the header block.
      propertyNames: {
        pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$",
        'x-pattern-description': "a header name: letters, digits and !#$%&'*+.^_`|~-",
        examples: ['Prefer'],
      },
      // Visible ASCII, tabs and spaces, and Latin-1 (what a header can carry); never a line break.
      additionalProperties: headerValue,
    },
  },
};

/** The problems of the options of a client that are not credentials or the host. */
export const checkClientOptions = (options: ClientOptions): ValidationIssue[] => checkSchema(clientRules, options, '$');

/**
 * The options of a call, each read once into a plain copy, or a ValidationError for options that
 * cannot be used, before anything is sent.
 */
export function readRequestOptions(options: unknown): RequestOptions {
  const snapshot = readingInput(() => plainCopy(options), 'options') as RequestOptions;
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) {
    throw new ValidationError([{ path: 'options', message: 'must be an object' }]);
  }
  if (typeof snapshot.headers === 'object' && snapshot.headers !== null) {
    // A Headers instance has no own fields: its entries are what it holds.
    const given = snapshot.headers as unknown;
    snapshot.headers = readingInput(
      () => (given instanceof Headers ? Object.fromEntries(given) : plainCopy(given)),
      'options.headers',
    ) as Record<string, string>;
  }
  const issues = checkSchema(requestRules, snapshot, 'options');
  const { signal } = snapshot;
  if (
    signal &&
    !issues.some((issue) => issue.path === 'options.signal') &&
    typeof (signal as Partial<AbortSignal>).throwIfAborted !== 'function'
  )
    issues.push({ path: 'options.signal', message: 'must be an AbortSignal' });
  if (issues.length > 0) throw new ValidationError(issues);
  return snapshot;
}

/** Own enumerable fields, each read once; anything that is not a plain object is left for the schema to name. */
function plainCopy(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : value;
}
