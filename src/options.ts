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
   * The fetch to use.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
}

/** Options of a single call. */
export interface RequestOptions {
  /** Ends the call when aborted. */
  signal?: AbortSignal;
  /** More request headers, such as Prism's `Prefer`. */
  headers?: Record<string, string>;
}
