// One call, from sending to a typed result or a typed error: attempts, timeouts, retries, abort,
// redirects (never followed), error mapping, decoding and debug lines, with credentials redacted
// from all of it.
import type { components } from '../../generated/senders.js';
import { ApiError, NetworkError, TimeoutError } from '../errors.js';
import { type Redact, redactCause, redactHeaders } from '../redact.js';
import { requestIdOf } from '../request-id.js';
import { decide, nothingApplied, type Outcome, parseRetryAfter, type RetryPolicy, sleep } from '../retry.js';
import { tooLarge } from './body.js';
import { type Exchange, isRedirect, notSent as unsent } from './send.js';

/** The reason a call ended, with what a failure before any byte left makes certain. */
export const notSent = (why?: string) => `${why ? `${why}; ` : ''}the request was not sent`;

// The spec's response headers (components.responses.*.headers), checked by the compiler.
const retryAfterHeader = 'Retry-After' satisfies keyof components['responses']['TooManyRequests']['headers'];

/** One call as the client makes it. */
export interface Call {
  method: string;
  url: string;
  /** The headers sent, for debug lines only. */
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Per attempt. */
  timeoutMs: number;
  policy: RetryPolicy;
  /**
   * Whether the operation may be sent again after an ambiguous failure (a timeout, a reset, a 5xx):
   * its `retrySafe` in generated/operations.ts, from the spec's `x-retry-after-ambiguous-failure`.
   */
  retrySafe: boolean;
  /**
   * Whether a 404 after an attempt that may have been applied means the work is done (the first
   * answer was lost): its `goneMeansDone` in generated/operations.ts, from the spec's `x-gone-means-done`.
   */
  goneMeansDone?: boolean | undefined;
  /** Whether its success has no body (204): its `emptyBody` in generated/operations.ts, from the spec's responses. */
  emptyBody?: boolean | undefined;
  redact: Redact;
  log?: ((line: string) => void) | undefined;
  /** What is wrong with a 2xx body, in words, or undefined when it is what the call expects. */
  check?: ((body: unknown) => string | undefined) | undefined;
  /** Sees the response a successful call ends with. */
  onResponse?: ((response: Response) => void) | undefined;
}

type Attempt = Exchange | 'timeout' | { failure: unknown; unsent: boolean };

/** One attempt under its own timeout. The caller's abort rejects with the signal's reason. */
async function attemptOnce(call: Call, exchange: (signal: AbortSignal) => Promise<Exchange>): Promise<Attempt> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout.signal]) : timeout.signal;
  try {
    const result = await exchange(signal);
    if (call.signal?.aborted) throw call.signal.reason;
    return result;
  } catch (failure) {
    if (call.signal?.aborted) throw call.signal.reason;
    return timeout.signal.aborted ? 'timeout' : { failure, unsent: unsent(failure) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `exchange` until it succeeds or the retry policy says stop, and turns the outcome into the
 * decoded body or one of this package's errors. The caller's abort ends everything at once, a
 * backoff wait included, and rejects with the signal's reason. Every text an error or a line
 * carries is redacted before it is cut or put together.
 */
export async function perform<T>(call: Call, exchange: (signal: AbortSignal) => Promise<Exchange>): Promise<T> {
  const { method, signal, redact } = call;
  // Redacted only when a line or an error needs it: a successful call pays nothing for it.
  const log = call.log && ((line: string) => call.log?.(redact(`whatsapp-senders: ${method} ${url} ${line}`)));
  const url = call.log ? redact(call.url) : call.url;
  signal?.throwIfAborted();
  // Whether an earlier attempt may have reached the service: then a 404 may mean it is done.
  let ambiguous = false;
  for (let attempt = 1; ; attempt++) {
    log?.(`attempt ${attempt} ${JSON.stringify(redactHeaders(call.headers, redact))}`);
    const started = Date.now();
    const result = await attemptOnce(call, exchange);
    log?.(ended(call, result, `in ${Date.now() - started} ms`));
    let outcome: Outcome = result === 'timeout' ? result : 'network';
    let retryAfterMs: number | undefined;
    if (result !== 'timeout' && 'failure' in result) {
      if (result.unsent) outcome = 'unsent';
    } else if (result !== 'timeout') {
      const { response } = result;
      if (isRedirect(response)) throw redirected(call, response, attempt);
      // A 2xx whose body was cut is tried again where that is safe; a body too large would be again.
      const cut = result.unreadable !== undefined && result.unreadable !== tooLarge;
      const done = response.status === 404 && ambiguous && call.goneMeansDone;
      if ((response.ok && !(cut && call.retrySafe)) || done) {
        const body = done ? (undefined as T) : decode<T>(call, result, attempt);
        call.onResponse?.(response);
        return body;
      }
      if (!response.ok) outcome = { status: response.status };
      retryAfterMs = parseRetryAfter(response.headers.get(retryAfterHeader));
    }
    const decision = decide(call.retrySafe, outcome, attempt, call.policy, retryAfterMs);
    if (!decision.retry) throw failed(call, result, { attempts: attempt, why: decision.why }, decision, retryAfterMs);
    if (!nothingApplied(outcome)) ambiguous = true;
    log?.(`retrying in ${decision.delayMs} ms`);
    await sleep(decision.delayMs, signal);
  }
}

/** The debug line of an attempt's end, after its method and URL. */
function ended(call: Call, result: Attempt, took: string): string {
  if (result === 'timeout') return `timed out after ${call.timeoutMs} ms`;
  if ('failure' in result) return `failed ${took}: ${call.redact(message(result.failure))}`;
  const { response } = result;
  // Redacted whole, then cut: a cut first could leave most of a token behind.
  const cut = response.ok ? '' : ` ${preview(call.redact(result.error)).slice(0, 500)}`;
  const requestId = requestIdOf(response.headers);
  return `→ ${response.status} ${took}${requestId ? ` [request ${requestId}]` : ''}${cut}`;
}

/** The error a call ends with when its last attempt failed and is not retried. */
function failed(
  call: Call,
  result: Attempt,
  ending: { attempts: number; why: string | undefined },
  decision: { retryAfterMs?: number },
  retryAfterMs: number | undefined,
): Error {
  const { method, redact } = call;
  if (result === 'timeout') return new TimeoutError(method, redact(call.url), call.timeoutMs, ending);
  if ('failure' in result) {
    if (result.unsent) ending.why = notSent(ending.why);
    return new NetworkError(method, redact(call.url), redactCause(result.failure, redact), ending);
  }
  const { response, error, unreadable } = result;
  return new ApiError({
    ...described(call, response),
    body: redact(error),
    detail:
      unreadable !== undefined
        ? unread(call, response, unreadable)
        : typeof error === 'object' && error !== null
          ? undefined
          : notTwilio(call, response, error),
    retryAfterMs: decision.retryAfterMs ?? retryAfterMs,
    cause: unreadable === undefined ? undefined : redactCause(unreadable, redact),
    ...ending,
  });
}

/** What a failed body read says, redacted: too large, or cut. */
export const unread = (call: Pick<Call, 'redact'>, response: Response, failure: unknown) =>
  `the ${response.status} response ${failure === tooLarge ? 'is over maxResponseBytes: too large to read' : `body could not be read: ${call.redact(message(failure))}`}`;

/** The ApiError of a redirect, which is never followed: its status and its redacted target. */
export function redirected(call: Pick<Call, 'method' | 'url' | 'redact'>, response: Response, attempts = 1): ApiError {
  const location = response.redirected ? response.url : response.headers.get('Location');
  return new ApiError({
    ...described(call, response),
    body: undefined,
    detail: `the service redirected${location ? ` to ${shownLocation(location, call)}` : ''}; redirects are never followed`,
    why: call.method === 'GET' ? undefined : 'the request may have been applied',
    attempts,
  });
}

/** What every ApiError says of its response, each part redacted. */
export function described(call: Pick<Call, 'method' | 'url' | 'redact'>, response: Response) {
  const { redact } = call;
  return {
    method: call.method,
    url: redact(response.url || call.url),
    status: response.status,
    requestId: redact(requestIdOf(response.headers)),
    headers: redactHeaders(response.headers, redact),
  };
}

/** A redirect's target, for a message: its user and password dropped, credentials redacted. */
function shownLocation(location: string, call: Pick<Call, 'url' | 'redact'>): string {
  try {
    const target = new URL(location, call.url);
    target.username = '';
    target.password = '';
    return call.redact(target.href);
  } catch {
    return call.redact(location);
  }
}

/**
 * The 2xx body, which must be a JSON object that passes `call.check`; nothing for an operation that
 * answers 204, and an ApiError for a body missing where the operation returns one.
 */
function decode<T>(call: Call, { response, data, unreadable }: Exchange, attempts: number): T {
  const text = String(data ?? '');
  if (call.emptyBody && unreadable === undefined) return undefined as T;
  // A 2xx to a write means the service applied it, whatever became of the body.
  const why = call.method === 'GET' ? undefined : 'the request was applied';
  const fail = (detail: string, cause?: unknown, body: unknown = call.redact(text)): never => {
    throw new ApiError({ ...described(call, response), body, detail, why, attempts, cause });
  };
  if (unreadable !== undefined) {
    fail(unread(call, response, unreadable), redactCause(unreadable, call.redact), undefined);
  }
  let body: unknown;
  let cause: SyntaxError | undefined;
  try {
    body = JSON.parse(text);
  } catch (error) {
    cause = new SyntaxError(call.redact(message(error)));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail(
      `the ${response.status} response body is ${text ? `not a JSON object (${call.redact(contentType(response))})` : 'empty'}`,
      cause,
    );
  }
  const problem = call.check?.(body);
  if (problem !== undefined) fail(`the ${response.status} response body ${problem}`);
  return body as T;
}

function notTwilio(call: Call, response: Response, body: unknown): string {
  return body === '' || body === undefined
    ? 'empty body'
    : `${call.redact(contentType(response))} body, not a Twilio error`;
}

const contentType = (response: Response) => response.headers.get('Content-Type') ?? 'no content type';
const message = (error: unknown) => {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an error that cannot be shown';
  }
};

/** A value as JSON for a debug line; never throws. */
function preview(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return '[a body that cannot be shown]';
  }
}
