import { inject } from 'vitest';
import { createSendersClient } from '../src/index.js';

/** Test credentials; Prism checks that Basic auth is present, not what it holds. */
export const credentials = {
  accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
  authToken: 'contract-test-auth-token',
};

/** The Prism the global setup started. */
export const prismUrl = inject('prismUrl');

/** A client pointed at the Prism mock. */
export const senders = createSendersClient({ ...credentials, baseUrl: prismUrl });
