// Where the repository's files are: for the tools and the tests, without importing
// scripts/generate.mjs (and openapi-typescript, and TypeScript with it: seconds) just to learn a path.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The spec. */
export const specPath = join(root, 'openapi', 'senders.yaml');
/** What `npm run generate` writes. */
export const generatedDir = join(root, 'generated');
