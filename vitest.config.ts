import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { contractTarget } from './contract-tests/target.js';

/**
 * Test files that replace a module (vi.mock): they need modules of their own, loaded after the
 * replacement, so they run in a project that loads every file afresh ('unit-isolated').
 */
const replacingModules = ['src/operation-table.test.ts'];

/**
 * Checks of the sources that the TypeScript compiler makes (what an editor shows on hover, JSDoc on every
 * public name): their verdict does not depend on the Node that runs them, so they are a project apart
 * ('sources'), which `npm test` runs and the Node 22 and 24 legs of the matrix do not.
 */
const sourceChecks = ['src/hover.test.ts', 'src/jsdoc.test.ts'];

/**
 * The tests of the contract suite's own harness (how CONTRACT_TARGET is read, live mode without credentials,
 * the proxy-mode suite run whole in a nested vitest): like scripts/, it is the repository's tooling, not what
 * ships, so these are a project apart ('contract-harness'), which `npm test` runs and the Node matrix does not.
 * Each needs no Prism of the contract project's global setup: they start what they use.
 */
const harnessChecks = ['contract-tests/targets.test.ts', 'contract-tests/proxy-suite.test.ts'];

/** What the unit, tooling and unit-isolated projects share: the credential check after each file, and the bound
 * of a test on a loaded 2-core CI machine (each test asserts its own tighter bounds where timing matters). */
const local = { setupFiles: ['src/test/leak-check.ts'], testTimeout: 30_000 };

/**
 * vitest's order (files that failed, then the longest last time, first), except that the differential
 * goes first when DIFFERENTIAL_CASES asks it for more cases than its default: its time on record is of the
 * default, and run late at 100,000 (the Node 22 leg of .ci/run) it was the last file left, on one core, for 20 s.
 */
class DifferentialFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (!process.env.DIFFERENTIAL_CASES) return sorted;
    const isDifferential = (file: TestSpecification) => file.moduleId.endsWith('/src/differential.test.ts');
    return [...sorted.filter(isDifferential), ...sorted.filter((file) => !isDifferential(file))];
  }
}

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // What scripts/build.mjs puts into dist/, so that tests of src/ see the same.
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  test: {
    // Most tests wait on sockets, child processes and timers, not on the CPU: on a 2-core machine the default
    // (one worker) runs them one after another. Four side by side keep both cores busy.
    maxWorkers: 4,
    sequence: { sequencer: DifferentialFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: [...replacingModules, ...sourceChecks],
          // A worker keeps the modules it loaded from one test file to the next (each file still runs its
          // own setup and hooks): loading the client afresh for every file was half the suite's time on a
          // 2-core machine. No module of src/ holds state a test file leaves behind; the files that replace
          // a module run in 'unit-isolated'.
          isolate: false,
          ...local,
          // The type tests (*.test-d.ts) are compiled by `npm run typecheck` (tsconfig.json includes them):
          // a failing expectTypeOf or an unused @ts-expect-error fails that compile, so `npm test` does not
          // compile them a second time here. VITEST_TYPECHECK=1 reports them test by test.
          typecheck: { enabled: process.env.VITEST_TYPECHECK === '1', include: ['src/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          // The tests of scripts/ (development tooling, never shipped): `npm test` runs them; the node
          // matrix, which tests what ships on each Node, does not.
          name: 'tooling',
          include: ['scripts/*.test.ts'],
          isolate: false,
          ...local,
        },
      },
      {
        extends: true,
        test: {
          name: 'sources',
          include: sourceChecks,
          isolate: false,
          ...local,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: replacingModules,
          ...local,
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          // As in 'unit': modules are kept from one test file to the next.
          isolate: false,
          // Against a real service (proxy:<url>, live) only the scenarios apply: the other files ask
          // the Prism mock for documented statuses and examples, or start their own upstreams.
          include:
            contractTarget().kind === 'mock' ? ['contract-tests/**/*.test.ts'] : ['contract-tests/scenarios.test.ts'],
          exclude: harnessChecks,
          globalSetup: ['contract-tests/global-setup.ts'],
          setupFiles: ['contract-tests/setup.ts', 'src/test/leak-check.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'contract-harness',
          include: harnessChecks,
          isolate: false,
          ...local,
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
