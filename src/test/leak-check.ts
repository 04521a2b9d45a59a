// Setup file of the unit and contract projects: after each test file, every error this package
// made and every debug line the tests recorded must be free of the test credentials.
import { afterAll, expect } from 'vitest';
import { secrets } from './credentials.js';
import { leaksIn, produced, watchErrors } from './leaks.js';

watchErrors();

afterAll(() => {
  // Emptied after the check: a worker that runs several files keeps this module between them.
  const items = produced.splice(0);
  expect(leaksIn(items, secrets), `credentials leaked into ${items.length} recorded errors and lines`).toEqual([]);
});
