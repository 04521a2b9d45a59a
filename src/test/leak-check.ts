// Setup file of the unit and contract projects: after each test file, every error this package
// made and every debug line the tests recorded must be free of the test credentials.
import { afterAll, expect } from 'vitest';
import { secrets } from './credentials.js';
import { leaksIn, produced, watchErrors } from './leaks.js';

watchErrors();

afterAll(() => {
  expect(leaksIn(produced, secrets), `credentials leaked into ${produced.length} recorded errors and lines`).toEqual(
    [],
  );
});
