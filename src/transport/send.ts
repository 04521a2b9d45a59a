// One attempt over fetch: redirects never followed, whatever fetch was given; the body read within
// its bound, whatever the status; a failure told apart by whether any byte may have left.
import { readBody } from './body.js';

/** What a request is, as the transport sends it. */
export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal: AbortSignal;
}

/** What one attempt returns: the response, its body read. */
export interface Exchange {
  response: Response;
  /** The body as text. */
  data?: string;
  /** The error body: parsed JSON when it parses, else the text. */
  error?: unknown;
  /** Why the body could not be read (cut, too large): the status stands all the same. */
  unreadable?: unknown;
}

/**
 * A redirect, in every form a fetch can give one: a 3xx, what a browser's fetch makes of one under
 * `redirect: 'manual'`, or a response a caller's fetch reached by following one anyway.
 */
export const isRedirect = (response: Response): boolean =>
  response.redirected || response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

/**
 * Sends one request and reads its body, at most `maxBytes` of it. A redirect is never followed
 * (`redirect: 'manual'`, and `response.redirected` checked for a fetch that ignores it): it would
 * turn a POST into a GET, or carry the body and credentials elsewhere. A body that fails or
 * overflows leaves the status standing, with `unreadable` saying why; an abort rejects.
 */
export async function send(fetchImpl: typeof fetch, request: Outgoing, maxBytes: number): Promise<Exchange> {
  const { method, url, headers, body, signal } = request;
  const response = await fetchImpl(url, { method, headers, body, signal, redirect: 'manual' });
  if (isRedirect(response)) {
    response.body?.cancel().catch(() => undefined);
    return { response };
  }
  let text: string;
  try {
    text = await readBody(response, maxBytes);
  } catch (failure) {
    if (signal.aborted) throw failure;
    return { response, unreadable: failure };
  }
  if (response.ok) return { response, data: text };
  try {
    const error: unknown = JSON.parse(text);
    // A body nested deeper than any error is stays text: as a value, printing it would overflow the stack.
    return { response, data: text, error: depthOf(error) > maxErrorDepth ? text : error };
  } catch {
    return { response, data: text, error: text };
  }
}

// The runtime's codes for a failure before any byte of the request left: no connection was made.
const unsentCodes = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

/**
 * Whether a fetch failure says, by the runtime's error code anywhere in its cause chain (undici's
 * `cause.code`), that nothing was sent. A failure without such a code may have been sent.
 */
export function notSent(failure: unknown, depth = 0): boolean {
  try {
    const { code, cause } = failure as { code?: string; cause?: unknown };
    return unsentCodes.test(code as string) || (depth < 8 && cause instanceof Object && notSent(cause, depth + 1));
  } catch {
    return false;
  }
}

const maxErrorDepth = 64;

/** How deeply a parsed JSON value nests, counted without recursion, up to just past the limit. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > maxErrorDepth) return deepest;
    for (const item of Object.values(node)) pending.push([item, depth + 1]);
  }
  return deepest;
}
