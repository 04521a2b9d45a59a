import type { StoppingKind } from './statuses.js';
import { escapeControl } from './transport/text.js';
import type { Sender } from './types.js';

/** One problem found in an input before anything was sent. */
export interface ValidationIssue {
  /** Where the problem is, as a JSON path from the input: `$.profile.emails[0].email`. */
  path: string;
  /** What is wrong, in words. */
  message: string;
}

// Marks instances with the kinds of error they are, so that `instanceof` holds across the ESM
// and CJS builds and across realms, where the classes are different objects.
const brand = Symbol.for('whatsapp-senders.error-kinds');

/** The base class of every error this package throws. */
export class SendersError extends Error {
  /** The kind that `instanceof` checks for; stays put when a minifier renames the class. */
  static readonly kind: string = 'SendersError';

  // `this` is the class on the right of `instanceof`, a subclass included: it must stay `this`.
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: the class asked about, not SendersError
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = typeof value === 'object' && value !== null ? (value as { [brand]?: unknown })[brand] : undefined;
    // biome-ignore lint/complexity/noThisInStatic: the class asked about, not SendersError
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  /** Control characters in `message` (a server's line break or ANSI escape among them) are shown escaped. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(escapeControl(message), options);
    const kinds: string[] = [];
    for (let at = new.target as typeof SendersError; at && 'kind' in at; at = Object.getPrototypeOf(at)) {
      kinds.push(at.kind);
    }
    Object.defineProperty(this, brand, { value: kinds });
    this.name = kinds[0] ?? 'SendersError';
  }
}

/** An input was refused before any request was sent. */
export class ValidationError extends SendersError {
  /** The kind `instanceof` checks for: `'ValidationError'`. */
  static override readonly kind: string = 'ValidationError';
  /** Every problem found, each with its path. */
  declare readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.issues = issues;
  }
}

/** How a call ended after its attempts, for the errors that report it. */
export interface Attempts {
  /** How many times the request was sent. */
  attempts?: number;
  /** Why it was not sent again, in words, added to the message: `not retried: the request may have been applied`. */
  why?: string | undefined;
}

/**
 * The request got no whole HTTP answer in time: the parent of NetworkError and TimeoutError, for a
 * catch that treats "the service could not be reached" as one case.
 */
export class ConnectionError extends SendersError {
  /** The kind `instanceof` checks for: `'ConnectionError'`. */
  static override readonly kind: string = 'ConnectionError';
  /** The request's method. */
  declare readonly method: string;
  /** The request's URL, credentials redacted. */
  declare readonly url: string;
  /** How many times the request was sent. */
  declare readonly attempts: number;

  constructor(method: string, url: string, message: string, attempts: number, options?: { cause?: unknown }) {
    super(`${method} ${pathOf(url)} ${message}`, options);
    this.method = method;
    this.url = url;
    this.attempts = attempts;
  }
}

/** The request never got a whole HTTP answer: refused or reset connection, DNS, TLS, a body cut short. */
export class NetworkError extends ConnectionError {
  /** The kind `instanceof` checks for: `'NetworkError'`. */
  static override readonly kind: string = 'NetworkError';

  constructor(method: string, url: string, cause: unknown, { attempts = 1, why }: Attempts = {}) {
    // fetch says only "fetch failed"; what failed is its cause: "other side closed", ECONNREFUSED…
    const inner = cause instanceof Error ? cause.cause : undefined;
    const reason = `${cause instanceof Error ? cause.message : String(cause)}${inner instanceof Error ? ` (${inner.message})` : ''}`;
    super(method, url, `failed: ${reason}${why ? `; ${why}` : ''}`, attempts, { cause });
  }
}

/** An attempt took longer than its `timeoutMs`, or a wait longer than its `maxWaitMs`. */
export class TimeoutError extends ConnectionError {
  /** The kind `instanceof` checks for: `'TimeoutError'`. */
  static override readonly kind: string = 'TimeoutError';
  /** The limit that was reached, in milliseconds: the attempt's `timeoutMs`, or the wait's `maxWaitMs`. */
  declare readonly timeoutMs: number;
  /** With waitForStatus, register and verify: the last status the sender was seen in. */
  declare readonly lastStatus: string | undefined;

  constructor(
    method: string,
    url: string,
    timeoutMs: number,
    { attempts = 1, why, lastStatus }: Attempts & { lastStatus?: string } = {},
  ) {
    super(method, url, `timed out after ${timeoutMs} ms${why ? `; ${why}` : ''}`, attempts);
    this.timeoutMs = timeoutMs;
    this.lastStatus = lastStatus;
  }
}

/** What each kind needs next, for the message. */
const needs: Record<StoppingKind, string> = {
  'awaiting-code': 'it waits for the one-time password sent to the number: submit it with verify(sid, code)',
  'action-needed': 'it will not move on by itself: see what it needs in the Twilio Console',
  failed: 'it failed',
};

/**
 * A wait met a status it was not waiting for, and which waiting will not change: the sender awaits
 * its one-time password, needs someone's action, or failed (then a SenderOfflineError).
 * `statusKind` is the kind a program branches on.
 */
export class SenderStatusError extends SendersError {
  /** The kind `instanceof` checks for: `'SenderStatusError'`. */
  static override readonly kind: string = 'SenderStatusError';
  /** The sender's sid. */
  declare readonly sid: string;
  /** The status met. */
  declare readonly senderStatus: string;
  /** Its kind: `awaiting-code` (call verify with the code), `action-needed`, or `failed`. */
  declare readonly statusKind: StoppingKind;
  /** The sender as last read. */
  declare readonly sender: Sender;

  constructor(sender: Sender, statusKind: StoppingKind, detail = needs[statusKind]) {
    super(`sender ${sender.sid} is ${sender.status} (${detail})`);
    this.sid = sender.sid;
    this.senderStatus = sender.status;
    this.statusKind = statusKind;
    this.sender = sender;
  }
}

/** A wait met a `failed` status; `offlineReasons` says why. */
export class SenderOfflineError extends SenderStatusError {
  /** The kind `instanceof` checks for: `'SenderOfflineError'`. */
  static override readonly kind: string = 'SenderOfflineError';
  /** The reasons the service gave, as it gave them. */
  declare readonly offlineReasons: NonNullable<Sender['offline_reasons']>;

  constructor(sender: Sender) {
    const reasons = Array.isArray(sender.offline_reasons) ? sender.offline_reasons : [];
    const text =
      reasons.map((reason) => `${reason?.code ?? 'no code'}: ${reason?.message ?? 'no message'}`).join('; ') ||
      'no reason given';
    super(sender, 'failed', text);
    this.offlineReasons = reasons;
  }
}

/** A field of an error body, only when the body has it as its own (never `Object.prototype`'s). */
function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.hasOwn(body, name)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
/** A message field that says something: an empty one falls through to the next (RFC 9457 `detail`, `title`). */
const said = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * The service answered with an error status, or with a 2xx body that cannot be read.
 * The message names the request: `GET /v2/Channels/Senders/XE… → 404 (20404: …) [request RQ…]`.
 */
export class ApiError extends SendersError {
  /** The kind `instanceof` checks for: `'ApiError'`. */
  static override readonly kind: string = 'ApiError';
  /** The HTTP status. */
  declare readonly status: number;
  /** The Twilio error number, from the body, when there is one. */
  declare readonly code: number | undefined;
  /** The documentation URL of `code`. */
  declare readonly moreInfo: string | undefined;
  /** The request id of the response (`Twilio-Request-Id` or `T-Request-Id`); quote it to support. */
  declare readonly requestId: string | undefined;
  /** The request's method. */
  declare readonly method: string;
  /** The request's URL, credentials redacted. */
  declare readonly url: string;
  /** The response body: parsed JSON when it parses, else the text. */
  declare readonly body: unknown;
  /** How many times the request was sent. */
  declare readonly attempts: number;
  /** What the response's `Retry-After` asked for, in milliseconds, when it had one. */
  declare readonly retryAfterMs: number | undefined;
  /**
   * The response headers, names in lower case: `Authorization`, `Proxy-Authorization`, `Cookie` and
   * `Set-Cookie` redacted whole by name, any credential redacted from the other values.
   */
  declare readonly headers: Readonly<Record<string, string>>;

  constructor(
    init: Attempts & {
      method: string;
      url: string;
      status: number;
      requestId?: string | null | undefined;
      body: unknown;
      /** Overrides the message taken from the body (for a body that did not parse, say). */
      detail?: string;
      retryAfterMs?: number | undefined;
      headers?: Readonly<Record<string, string>>;
      cause?: unknown;
    },
  ) {
    const { body } = init;
    const rawCode = field(body, 'code');
    const code = typeof rawCode === 'number' ? rawCode : undefined;
    // Twilio's shape has `message`; the RFC 9457 shape of newer APIs has `detail` and `title`.
    const words =
      init.detail ?? said(field(body, 'message')) ?? said(field(body, 'detail')) ?? said(field(body, 'title'));
    const reason = code !== undefined ? `${code}: ${words ?? 'no message'}` : (words ?? 'no error body');
    const request = init.requestId ? ` [request ${init.requestId}]` : '';
    const why = init.why ? `; ${init.why}` : '';
    super(`${init.method} ${pathOf(init.url)} → ${init.status} (${reason})${request}${why}`, { cause: init.cause });
    this.status = init.status;
    this.code = code;
    this.moreInfo = text(field(body, 'more_info'));
    this.requestId = init.requestId ?? undefined;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
    this.attempts = init.attempts ?? 1;
    this.retryAfterMs = init.retryAfterMs;
    this.headers = init.headers ?? {};
  }
}

/**
 * iterate() refused the `next_page_url` a page gave: not an absolute URL, on another origin than
 * the base URL's (credentials go nowhere else), or a page already read (the walk would never end).
 * An ApiError, so that a catch of ApiError still sees it.
 */
export class NextPageError extends ApiError {
  /** The kind `instanceof` checks for: `'NextPageError'`. */
  static override readonly kind: string = 'NextPageError';
  /** The refused link, credentials redacted. */
  declare readonly nextPageUrl: string;

  constructor(init: ConstructorParameters<typeof ApiError>[0] & { nextPageUrl: string }) {
    super(init);
    this.nextPageUrl = init.nextPageUrl;
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
