// The transport as a fetch, for openapi-fetch in `whatsapp-senders/raw`: every request it makes goes
// through `send` and the same rules as the main client's, and comes back as a Response whose every
// part is redacted.
import { type OperationEntry, operationTable } from '../../generated/operations.js';
import { ApiError, NetworkError, ValidationError } from '../errors.js';
import { pathNames } from '../operation-methods.js';
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
    // A 2xx without a body is not what the spec says, but of an operation whose success has none (a 204).
    const missing =
      exchange.unreadable === undefined && response.ok && data === '' && !answersEmpty(method, url, route.baseUrl);
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

/**
 * Whether the spec's operation at this method and URL answers a success without a body: its
 * `emptyBody` in generated/operations.ts. A request the spec does not describe expects a body.
 */
function answersEmpty(method: string, url: string, baseUrl: string): boolean {
  const base = new URL(baseUrl).pathname.replace(/\/$/, '');
  const path = new URL(url).pathname.slice(base.length).split('/');
  return Object.values(operationTable as Record<string, OperationEntry>).some((entry) => {
    const template = entry.path.split('/');
    return (
      entry.emptyBody &&
      entry.method === method &&
      template.length === path.length &&
      template.every((part, index) => pathNames(part).length > 0 || part === path[index])
    );
  });
}

/** The response rebuilt from its body as read, every part redacted; its url kept. */
function redactedCopy(response: Response, text: string, redact: Redact): Response {
  // The body is read and decoded: its length and encoding headers no longer describe it.
  const headers = redactHeaders(response.headers, redact);
  delete headers['content-length'];
  delete headers['content-encoding'];
  const empty = response.status === 204 || response.status === 205;
  const copy = new Response(empty ? null : redactedText(text, redact), {
    status: response.status,
    statusText: redact(response.statusText),
    headers,
  });
  Object.defineProperty(copy, 'url', { value: redact(response.url) });
  return copy;
}

/**
 * A body's text, redacted. In JSON a credential may be written with escapes (`\u0041`, `\"`) that no
 * search of the text finds, so a body with an escape is redacted as the values it parses to, as the
 * client's own errors are; a body without one, or that is not JSON, as text.
 */
function redactedText(text: string, redact: Redact): string {
  if (!text.includes('\\')) return redact(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redact(text);
  }
  const redacted = JSON.stringify(redact(parsed));
  return redacted === JSON.stringify(parsed) ? redact(text) : redacted;
}
