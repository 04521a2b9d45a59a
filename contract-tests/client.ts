import { inject } from 'vitest';
import { createSendersClient } from '../src/index.js';
import { credentials } from '../src/test/credentials.js';

/** Test credentials; Prism checks that Basic auth is present, not what it holds. */
export { credentials } from '../src/test/credentials.js';

/** The Prism the global setup started. */
export const prismUrl = inject('prismUrl');

/** A client pointed at the Prism mock. */
export const senders = createSendersClient({ ...credentials, baseUrl: prismUrl });
