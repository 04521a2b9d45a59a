// The matrix's failure digest: what CI's log tail shows of a leg that failed, read from vitest's JSON report.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digest } from './node-matrix.mjs';
import { root } from './paths.mjs';

const dir = mkdtempSync(join(tmpdir(), 'node-matrix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A report of vitest's JSON reporter (the fields the digest reads), written to a file. */
function report(name: string, testResults: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ numFailedTests: 1, testResults }));
  return path;
}

describe('the digest of a leg that failed', () => {
  it('names each failed test with the first lines of its error, without node_modules frames', () => {
    const path = report('failed.json', [
      {
        name: join(root, 'src', 'fleet', 'apply.test.ts'),
        status: 'failed',
        message: '',
        assertionResults: [
          { fullName: 'applyFleet passes', status: 'passed', failureMessages: [] },
          {
            fullName: 'applyFleet keeps each account within its ceiling',
            status: 'failed',
            failureMessages: [
              [
                'AssertionError: expected [ 2, 2 ] to deeply equal [ 3, 3 ]',
                `    at ${join(root, 'src', 'fleet', 'apply.test.ts')}:109:45`,
                `    at file://${join(root, 'node_modules', '@vitest', 'runner', 'dist', 'index.js')}:1:1`,
                '    at new Promise (<anonymous>)',
              ].join('\n'),
            ],
          },
        ],
      },
      { name: join(root, 'src', 'ok.test.ts'), status: 'passed', message: '', assertionResults: [] },
    ]);
    const lines = digest(path).split('\n');
    expect(lines[1]).toBe('    src/fleet/apply.test.ts > applyFleet keeps each account within its ceiling');
    expect(lines[2]).toBe('      AssertionError: expected [ 2, 2 ] to deeply equal [ 3, 3 ]');
    expect(lines.join('\n')).toContain('apply.test.ts:109:45');
    expect(lines.join('\n')).not.toMatch(/node_modules|<anonymous>|passes|ok\.test/);
  });

  it('names a file that failed before any test (an import error), with its message', () => {
    const path = report('import.json', [
      {
        name: join(root, 'src', 'broken.test.ts'),
        status: 'failed',
        message: 'Failed to load url ./gone.js\nin src/broken.test.ts',
        assertionResults: [],
      },
    ]);
    expect(digest(path)).toBe('\n    src/broken.test.ts: Failed to load url ./gone.js\n      in src/broken.test.ts');
  });

  it('says when there is no report, and is empty when nothing failed', () => {
    expect(digest(join(dir, 'none.json'))).toMatch(
      /^\n {4}\(no report of the failures: ENOENT.*see the leg's output above\)$/,
    );
    expect(digest(report('passed.json', []))).toBe('');
  });
});
