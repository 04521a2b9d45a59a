import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { contractTarget } from './contract-tests/target.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // What scripts/build.mjs puts into dist/, so that tests of src/ see the same.
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  test: {
    // Most tests wait on sockets, child processes and timers, not on the CPU: on a 2-core machine the default
    // (one worker) runs them one after another. Four side by side keep both cores busy.
    maxWorkers: 4,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/*.test.ts'],
          setupFiles: ['src/test/leak-check.ts'],
          // Bounds for a loaded 2-core CI machine; each test asserts its own tighter bounds where timing matters.
          testTimeout: 30_000,
          // The node matrix turns it off (VITEST_TYPECHECK=0): types do not depend on the Node version.
          typecheck: { enabled: process.env.VITEST_TYPECHECK !== '0', include: ['src/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          // Against a real service (proxy:<url>, live) only the scenarios apply: the other files ask
          // the Prism mock for documented statuses and examples, or start their own upstreams.
          include:
            contractTarget().kind === 'mock' ? ['contract-tests/**/*.test.ts'] : ['contract-tests/scenarios.test.ts'],
          globalSetup: ['contract-tests/global-setup.ts'],
          setupFiles: ['contract-tests/setup.ts', 'src/test/leak-check.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['scripts/package-tests/**/*.test.ts'],
          globalSetup: ['scripts/package-tests/setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
