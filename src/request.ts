// One call, from sending to a typed result or a typed error: attempts, timeouts, retries, abort,
// error mapping, decoding and debug lines, with credentials redacted from all of it.
import type { components } from '../generated/senders.js';
import { ApiError, NetworkError, TimeoutError } from './errors.js';
import type { Redact } from './redact.js';
import { decide, type Outcome, parseRetryAfter, type RetryPolicy, sleep } from './retry.js';

// The spec's response headers (components.responses.*.headers), checked by the compiler.
const requestIdHeader = 'Twilio-Request-Id' satisfies keyof components['responses']['NotFound']['headers'];
const retryAfterHeader = 'Retry-After' satisfies keyof components['responses']['TooManyRequests']['headers'];

/** What a transport returns: the response, its body read. */
export interface Exchange {
  response: Response;
  /** The 2xx body as text. */
  data?: unknown;
  /** The error body: parsed JSON when it parses, else the text. */
  error?: unknown;
}

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
  redact: Redact;
  log?: ((line: string) => void) | undefined;
}

type Attempt = Exchange | 'timeout' | { failure: unknown };

/** One attempt under its own timeout. The caller's abort rejects with the signal's reason. */
async function attemptOnce(call: Call, exchange: (signal: AbortSignal) => Promise<Exchange>): Promise<Attempt> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout.signal]) : timeout.signal;
  try {
    return await exchange(signal);
  } catch (failure) {
    if (call.signal?.aborted) throw call.signal.reason;
    return timeout.signal.aborted ? 'timeout' : { failure };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `exchange` until it succeeds or the retry policy says stop, and turns the outcome into the
 * decoded body or one of this package's errors. The caller's abort ends everything at once, a
 * backoff wait included, and rejects with the signal's reason.
 */
export async function perform<T>(call: Call, exchange: (signal: AbortSignal) => Promise<Exchange>): Promise<T> {
  const { method, url, signal, redact } = call;
  const log = call.log && ((line: string) => call.log?.(redact(`whatsapp-senders: ${line}`)));
  signal?.throwIfAborted();
  // Whether an earlier attempt may have reached the service: then a DELETE's 404 means it is done.
  let ambiguous = false;
  for (let attempt = 1; ; attempt++) {
    log?.(`${method} ${url} attempt ${attempt} ${JSON.stringify(call.headers)}`);
    const started = Date.now();
    const result = await attemptOnce(call, exchange);
    const took = `in ${Date.now() - started} ms`;
    let outcome: Outcome;
    let retryAfterMs: number | undefined;
    if (result === 'timeout' || 'failure' in result) {
      outcome = result === 'timeout' ? result : 'network';
      log?.(
        `${method} ${url} ${result === 'timeout' ? `timed out after ${call.timeoutMs} ms` : `failed ${took}: ${message(result.failure)}`}`,
      );
    } else {
      const { response } = result;
      const requestId = response.headers.get(requestIdHeader);
      log?.(
        `${method} ${url} → ${response.status} ${took}${requestId ? ` [request ${requestId}]` : ''}${response.ok ? '' : ` ${String(JSON.stringify(result.error)).slice(0, 500)}`}`,
      );
      if (response.ok) return decode<T>(call, result, attempt);
      if (method === 'DELETE' && response.status === 404 && ambiguous) return undefined as T;
      outcome = { status: response.status };
      retryAfterMs = parseRetryAfter(response.headers.get(retryAfterHeader));
    }
    const decision = decide(method, outcome, attempt, call.policy, retryAfterMs);
    if (decision.retry) {
      if (typeof outcome !== 'object' || outcome.status !== 429) ambiguous = true;
      log?.(`${method} ${url} retrying in ${decision.delayMs} ms`);
      await sleep(decision.delayMs, signal);
      continue;
    }
    const ending = { attempts: attempt, why: decision.why };
    if (result === 'timeout') throw new TimeoutError(method, url, call.timeoutMs, ending);
    if ('failure' in result) {
      const text = message(result.failure);
      const cause = redact(text) === text ? result.failure : new Error(redact(text));
      throw new NetworkError(method, url, cause, ending);
    }
    const { response, error } = result;
    throw new ApiError({
      method,
      url: response.url || url,
      status: response.status,
      requestId: response.headers.get(requestIdHeader),
      body: redact(error),
      detail: typeof error === 'object' && error !== null ? undefined : notTwilio(response, error),
      retryAfterMs: decision.retryAfterMs ?? retryAfterMs,
      ...ending,
    });
  }
}

/** The 2xx body, which must be a JSON object (204: nothing). */
function decode<T>(call: Call, { response, data }: Exchange, attempts: number): T {
  const text = String(data ?? '');
  if (response.status === 204) return undefined as T;
  let cause: unknown;
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as T;
  } catch (error) {
    cause = new SyntaxError(call.redact(message(error)));
  }
  throw new ApiError({
    method: call.method,
    url: response.url || call.url,
    status: response.status,
    requestId: response.headers.get(requestIdHeader),
    body: call.redact(text),
    detail: `the ${response.status} response body is ${text ? `not a JSON object (${contentType(response)})` : 'empty'}`,
    why: call.method === 'POST' ? 'the request was accepted' : undefined,
    attempts,
    cause,
  });
}

function notTwilio(response: Response, body: unknown): string {
  return body === '' || body === undefined ? 'empty body' : `${contentType(response)} body, not a Twilio error`;
}

const contentType = (response: Response) => response.headers.get('Content-Type') ?? 'no content type';
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One attempt over fetch, the body read: as text on a 2xx, as JSON (or text) otherwise. The
 * operations go to fetch directly rather than through openapi-fetch's Request objects, which
 * cost 10–35% per call in `npm run bench`; `raw` is openapi-fetch for everything else.
 */
export async function send(
  fetchImpl: typeof globalThis.fetch,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal,
): Promise<Exchange> {
  const response = await fetchImpl(url, { method, headers, body, signal });
  const text = await response.text();
  if (response.ok) return { response, data: text };
  try {
    return { response, error: JSON.parse(text) };
  } catch {
    return { response, error: text };
  }
}
