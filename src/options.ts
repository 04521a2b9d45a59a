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
   * The processing region, with `edge`.
   * @example 'au1'
   */
  region?: string;
  /**
   * Check sids, bodies and list parameters against the spec before sending; `false` lets the server judge.
   * @default true
   */
  validate?: boolean;
  /**
   * How long one call may take, in milliseconds, body included; then it fails with a TimeoutError.
   * @default 30_000
   */
  timeoutMs?: number;
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

/** The defaults of the options that have one. */
export const defaults = {
  validate: true,
  timeoutMs: 30_000,
} satisfies Required<Pick<ClientOptions, 'validate' | 'timeoutMs'>>;

/** Options of a single call. */
export interface RequestOptions {
  /** Ends the call when aborted; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** More request headers, such as Prism's `Prefer`. */
  headers?: Record<string, string>;
}
