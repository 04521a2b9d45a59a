/** One problem found in an input before anything was sent. */
export interface ValidationIssue {
  /** Where the problem is, as a JSON path from the input: `$.profile.emails[0].email`. */
  path: string;
  /** What is wrong, in words. */
  message: string;
}

/** The base class of every error this package throws. */
export class SendersError extends Error {
  override name = 'SendersError';
}

/** An input was refused before any request was sent. */
export class ValidationError extends SendersError {
  override name = 'ValidationError';
  /** Every problem found, each with its path. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.issues = issues;
  }
}

/** The request never got an HTTP answer: DNS, refused or reset connection, TLS. */
export class NetworkError extends SendersError {
  override name = 'NetworkError';
  /** The request's method. */
  readonly method: string;
  /** The request's URL. */
  readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    super(`${method} ${pathOf(url)} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.method = method;
    this.url = url;
  }
}

interface TwilioErrorBody {
  code?: unknown;
  message?: unknown;
  more_info?: unknown;
}

/**
 * The service answered with an error status, or with a body that is not what the spec says.
 * The message names the request: `GET /v2/Channels/Senders/XE… → 404 (20404: …) [request RQ…]`.
 */
export class ApiError extends SendersError {
  override name = 'ApiError';
  /** The HTTP status. */
  readonly status: number;
  /** The Twilio error number, from the body, when there is one. */
  readonly code: number | undefined;
  /** The documentation URL of `code`. */
  readonly moreInfo: string | undefined;
  /** The `Twilio-Request-Id` of the response; quote it to support. */
  readonly requestId: string | undefined;
  /** The request's method. */
  readonly method: string;
  /** The request's URL. */
  readonly url: string;
  /** The response body: parsed JSON when it parses, else the text. */
  readonly body: unknown;

  constructor(init: {
    method: string;
    url: string;
    status: number;
    requestId?: string | null | undefined;
    body: unknown;
    /** Overrides the message taken from the body (for a body that did not parse, say). */
    detail?: string;
    cause?: unknown;
  }) {
    const twilio = (typeof init.body === 'object' && init.body !== null ? init.body : {}) as TwilioErrorBody;
    const code = typeof twilio.code === 'number' ? twilio.code : undefined;
    const text = init.detail ?? (typeof twilio.message === 'string' ? twilio.message : undefined);
    const reason = code !== undefined ? `${code}: ${text ?? 'no message'}` : (text ?? 'no error body');
    const request = init.requestId ? ` [request ${init.requestId}]` : '';
    super(`${init.method} ${pathOf(init.url)} → ${init.status} (${reason})${request}`, { cause: init.cause });
    this.status = init.status;
    this.code = code;
    this.moreInfo = typeof twilio.more_info === 'string' ? twilio.more_info : undefined;
    this.requestId = init.requestId ?? undefined;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
  }
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
