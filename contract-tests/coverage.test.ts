// The meta-test: every (operation, status) pair and every named example of the spec has a contract test.
import { describe, expect, it } from 'vitest';
import { calls, covered } from './coverage.js';
import { operations } from './spec.js';

const declared = covered as Record<
  string,
  { requestExamples: readonly string[]; responses: Record<string, readonly string[]> }
>;

function pairs(source: 'spec' | 'suite'): string[] {
  const found: string[] = [];
  const entries =
    source === 'spec'
      ? operations.map(
          (op) =>
            [
              op.operationId,
              {
                requestExamples: Object.keys(op.requestExamples),
                responses: Object.fromEntries(
                  Object.entries(op.responses).map(([status, examples]) => [status, Object.keys(examples)]),
                ),
              },
            ] as const,
        )
      : Object.entries(declared);
  for (const [operationId, coverage] of entries) {
    found.push(`${operationId}`);
    for (const name of coverage.requestExamples) found.push(`${operationId} request example "${name}"`);
    for (const [status, names] of Object.entries(coverage.responses)) {
      found.push(`${operationId} ${status}`);
      for (const name of names) found.push(`${operationId} ${status} example "${name}"`);
    }
  }
  return found.sort();
}

describe('contract coverage', () => {
  it('has a contract test for every operation, status and named example of the spec', () => {
    const suite = new Set(pairs('suite'));
    expect(pairs('spec').filter((pair) => !suite.has(pair))).toEqual([]);
  });

  it('declares nothing the spec does not have', () => {
    const spec = new Set(pairs('spec'));
    expect(pairs('suite').filter((pair) => !spec.has(pair))).toEqual([]);
  });

  it('knows how to call every operation of the spec', () => {
    expect(Object.keys(calls).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });
});
