// Where the repository's files are, for tests: without importing scripts/generate.mjs (and
// openapi-typescript with it) just to learn a path.
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The spec. */
export const specPath = fileURLToPath(new URL('../../openapi/senders.yaml', import.meta.url));
