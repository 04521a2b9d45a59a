// The transport as a fetch, for openapi-fetch in `whatsapp-senders/raw`: every request it makes goes
// through `send` and the same rules as the main client's, and comes back as a Response whose every
// part is redacted.
import { operationTable } from '../../generated/operations.js';
import { ApiError, NetworkError, ValidationError } from '../errors.js';
import { type Redact, redactCause, redactHeaders } from '../redact.js';
import { described, notSent as notSentWhy, redirected, unread } from './perform.js';
import { refuseElsewhere } from './scope.js';
import { isRedirect, notSent, send } from './send.js';

/** Where and as whom the requests go, resolved once by the client. */
export interface Route {
  baseUrl: string;
  /** The headers the client owns: Authorization, User-Agent, Accept-Encoding. */
  ours: Record<string, string>;
  redact: Redact;
  fetch: typeof fetch;
  maxBytes: number;
}

/**
 * A fetch that sends a Request under the transport's rules: only under the base URL; no redirect;
 * the body read within `maxBytes`; a 2xx without the body its status promises, a cut body or a
 * failure to connect is an error of this package; credentials redacted from everything returned.
 */
export function asFetch(route: Route): (request: Request) => Promise<Response> {
  const { redact } = route;
  return async (request) => {
    const { method, url, signal } = request;
    refuseElsewhere(url, route.baseUrl, redact);
    const given = Object.keys(route.ours).filter((name) => request.headers.has(name));
    if (given.length > 0) {
      throw new ValidationError(
        given.map((name) => ({
          path: `headers.${name.toLowerCase()}`,
          message: 'is set by the client; pass options to it instead',
        })),
      );
    }
    const headers = { ...Object.fromEntries(request.headers), ...route.ours };
    const body = request.body ? await request.text() : undefined;
    const call = { method, url, redact };
    let exchange: Awaited<ReturnType<typeof send>>;
    try {
      exchange = await send(route.fetch, { method, url, headers, body, signal }, route.maxBytes);
    } catch (failure) {
      if (signal.aborted) throw failure;
      const why = notSent(failure) ? notSentWhy() : undefined;
      throw new NetworkError(method, redact(url), redactCause(failure, redact), { why });
    }
    const { response, data = '' } = exchange;
    if (isRedirect(response)) throw redirected(call, response);
    const applied = response.ok && method !== 'GET' ? 'the request was applied' : undefined;
    // Only a delete answers without a body (204); any other 2xx without one is not what the spec says.
    const missing =
      exchange.unreadable === undefined && response.ok && method !== operationTable.deleteSender.method && data === '';
    if (exchange.unreadable !== undefined || missing) {
      throw new ApiError({
        ...described(call, response),
        body: undefined,
        detail: missing ? `the ${response.status} response body is empty` : unread(call, response, exchange.unreadable),
        why: applied,
        cause: missing ? undefined : redactCause(exchange.unreadable, redact),
      });
    }
    return redactedCopy(response, data, redact);
  };
}

/** The response rebuilt from its body as read, every part redacted; its url kept. */
function redactedCopy(response: Response, text: string, redact: Redact): Response {
  // The body is read and decoded: its length and encoding headers no longer describe it.
  const headers = redactHeaders(response.headers, redact);
  delete headers['content-length'];
  delete headers['content-encoding'];
  const empty = response.status === 204 || response.status === 205;
  const copy = new Response(empty ? null : redact(text), {
    status: response.status,
    statusText: redact(response.statusText),
    headers,
  });
  Object.defineProperty(copy, 'url', { value: redact(response.url) });
  return copy;
}
