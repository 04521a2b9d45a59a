import { inject } from 'vitest';
import { createSendersClient } from '../src/index.js';
import { credentials } from '../src/test/credentials.js';

/** Test credentials; Prism checks that Basic auth is present, not what it holds. */
export { credentials } from '../src/test/credentials.js';

/** The Prism the global setup started. */
export const prismUrl = inject('prismUrl');

/**
 * A client pointed at the Prism mock. Backoff is short, so that a documented 5xx is retried in
 * milliseconds; the 429's Retry-After (the spec's example, 2 s) is over maxRetryDelayMs, so it
 * fails at once carrying retryAfterMs.
 */
export const retryPolicy = { backoffBaseMs: 1, backoffCapMs: 5, maxRetryDelayMs: 1_000 };
export const senders = createSendersClient({ ...credentials, baseUrl: prismUrl, ...retryPolicy });
