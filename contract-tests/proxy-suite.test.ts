// The proxy-mode suite, run whole as a user's CI runs it (`CONTRACT_TARGET=proxy:<url>`): it fails on
// drift, naming the field, and passes when nothing breaks the spec. It tests the suite's harness (its
// target, its global setup starting `prism proxy --errors`), so it is in the 'contract-harness' project,
// which the Node matrix leaves to `npm test`; each kind of drift is proven one call at a time, on every
// Node, in drift.test.ts.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../src/test/paths.js';
import type { BareSandbox as Sandbox } from '../src/testing/options.js';
import { startBareSandbox as startSandbox } from '../src/testing/server.js';
import { drifts, everySender, naming, unchanged } from './drifts.js';

/** Runs the contract suite in proxy mode against `upstream`, as a user's CI would. */
async function proxySuite(upstream: string, name: string) {
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [vitest, 'run', '--project', 'contract'], {
      cwd: root,
      env: {
        ...process.env,
        CONTRACT_TARGET: `proxy:${upstream}`,
        CONTRACT_PRISM_LOG: join(root, 'test-results', `prism-drift-${name}.log`),
        NO_COLOR: '1',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the proxy-mode suite, run whole', () => {
  const upstreams: Sandbox[] = [];
  afterAll(() => Promise.all(upstreams.map((upstream) => upstream.close())));

  // One drift and no change, each a whole vitest run (the dearest tests of the suite); every
  // kind of drift is proven one call at a time above, and by `whatsapp-senders contract` in src/cli/.
  const statusDrift = drifts['a status outside the enum'] as (typeof drifts)[string];
  const cases = [
    { kind: 'a status outside the enum', change: statusDrift.change, field: statusDrift.field, passes: false },
    { kind: 'no change', change: unchanged, field: '', passes: true },
  ];

  it.concurrent.each(cases)(
    'on $kind: passes only if nothing breaks the spec',
    async ({ kind, change, field, passes }) => {
      const upstream = await startSandbox();
      upstreams.push(upstream);
      upstream.mutateResponses(everySender(change));
      const { code, output } = await proxySuite(upstream.url, kind.replaceAll(' ', '-'));
      if (passes) {
        expect(code, output).toBe(0);
        expect(output).toMatch(/Tests\s+\d+ passed/);
      } else {
        expect(code, output).toBe(1);
        expect(output).toContain('the response breaks the spec');
        expect(output).toMatch(naming(field));
      }
    },
    120_000,
  );
});
