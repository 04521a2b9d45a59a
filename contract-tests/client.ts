import { inject } from 'vitest';
import { type ClientOptions, createSendersClient } from '../src/index.js';
import { credentials } from '../src/test/credentials.js';

/** Test credentials; Prism checks that Basic auth is present, not what it holds. */
export { credentials } from '../src/test/credentials.js';

/** What the suite runs against. */
export const target = inject('target');
/** The Prism mock the global setup started; '' unless the target is mock. */
export const prismUrl = inject('prismUrl');

/** A response that breaks the spec, as `prism --errors` reported it: the message names each field. */
export class SpecViolation extends Error {
  override name = 'SpecViolation';
}

interface Violation {
  location: string[];
  severity: string;
  message: string;
}

/**
 * fetch, failing loudly when Prism says the response breaks the spec (its `sl-violations` header):
 * `the response breaks the spec: response.body.status: … must be equal to one of the allowed values`.
 * Request violations are left to the tests, which expect Prism's 422 for the bodies they break on purpose.
 */
export const checkedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const header = response.headers.get('sl-violations');
  if (!header) return response;
  let list: string;
  try {
    list = (JSON.parse(header) as Violation[])
      .filter((v) => v.severity === 'Error' && v.location[0] === 'response')
      .map((v) => `${v.location.join('.')}: ${v.message}`)
      .join('; ');
  } catch {
    list = header; // Prism writes plain text when there are too many to list
  }
  if (list) throw new SpecViolation(`the response breaks the spec: ${list}`);
  return response;
};

/**
 * The contract client's retry policy. Backoff is short, so that a documented 5xx is retried in
 * milliseconds; the mock's 429 Retry-After (the spec's example, 2 s) is over maxRetryDelayMs, so it
 * fails at once carrying retryAfterMs.
 */
export const retryPolicy = { backoffBaseMs: 1, backoffCapMs: 5, maxRetryDelayMs: 1_000 };

/**
 * fetch through a proxy: the service's own URLs in a body (`url`, `next_page_url`) are mapped onto
 * the proxy, which stands in for it, so that iterate() follows them through the proxy too.
 */
export function proxiedFetch(upstream: string, proxy: string): typeof fetch {
  const from = new URL(upstream).origin;
  const to = new URL(proxy).origin;
  return async (input, init) => {
    const response = await checkedFetch(input, init);
    if (!response.body || from === to) return response;
    const text = (await response.text()).replaceAll(from, to);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** A client of `baseUrl` that fails on any response the spec forbids. */
export const contractClient = (baseUrl: string, options: ClientOptions = {}) =>
  createSendersClient({ ...credentials, baseUrl, fetch: checkedFetch, ...retryPolicy, ...options });

/** A client pointed at the Prism mock. */
export const senders = contractClient(prismUrl || 'http://127.0.0.1:9');
