// One call, from sending to a typed result or a typed error: timeout, abort, error mapping, decoding.
import type { components } from '../generated/senders.js';
import { ApiError, NetworkError, TimeoutError } from './errors.js';

// The spec's request id header (components.responses.*.headers), checked by the compiler.
const requestIdHeader = 'Twilio-Request-Id' satisfies keyof components['responses']['NotFound']['headers'];

/** What a transport returns: the response, its body already read. */
export interface Exchange {
  response: Response;
  /** The 2xx body as text. */
  text?: string | undefined;
  /** The error body: parsed JSON when it parses, else the text. */
  error?: unknown;
}

/** Per-call limits. */
export interface CallLimits {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

/**
 * Runs `exchange` with the caller's signal and a timeout, and turns its outcome into the decoded
 * body or one of this package's errors. The caller's abort rejects with the signal's reason.
 */
export async function perform<T>(
  method: string,
  url: string,
  limits: CallLimits,
  exchange: (signal: AbortSignal) => Promise<Exchange>,
): Promise<T> {
  limits.signal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new TimeoutError(method, url, limits.timeoutMs)), limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout.signal]) : timeout.signal;
  let outcome: Exchange;
  try {
    outcome = await exchange(signal);
  } catch (error) {
    if (limits.signal?.aborted) throw limits.signal.reason;
    if (timeout.signal.aborted) throw timeout.signal.reason;
    throw new NetworkError(method, url, error);
  } finally {
    clearTimeout(timer);
  }
  const { response } = outcome;
  const requestId = response.headers.get(requestIdHeader);
  const at = response.url || url;
  if (!response.ok) throw new ApiError({ method, url: at, status: response.status, requestId, body: outcome.error });
  if (response.status === 204) return undefined as T;
  try {
    return JSON.parse(outcome.text ?? '') as T;
  } catch (cause) {
    throw new ApiError({
      method,
      url: at,
      status: response.status,
      requestId,
      body: outcome.text,
      detail: `the ${response.status} response body is not JSON`,
      cause,
    });
  }
}

/** A GET of an absolute URL, exactly as given, read the way openapi-fetch reads bodies. */
export async function getUrl(
  fetchImpl: typeof globalThis.fetch,
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Exchange> {
  const response = await fetchImpl(url, { method: 'GET', headers, signal });
  const text = await response.text();
  if (response.ok) return { response, text };
  try {
    return { response, error: JSON.parse(text) };
  } catch {
    return { response, error: text };
  }
}
