// Where the repository's files are, for tests: from scripts/paths.mjs, without importing
// scripts/generate.mjs (and openapi-typescript with it) just to learn a path.
export { root, specPath } from '../../scripts/paths.mjs';
