// The contract suite covers the whole spec: operations.test.ts takes every operation, status and named
// example from the spec itself, and each operation has a call through a method of the client.
import { describe, expect, it } from 'vitest';
import { senders } from './client.js';
import { calls } from './coverage.js';
import { operations } from './spec.js';

describe('contract coverage', () => {
  it('calls every operation of the spec through a method of the client', () => {
    expect(Object.keys(calls).sort()).toEqual(operations.map((operation) => operation.operationId).sort());
    expect(operations.length).toBeGreaterThan(0);
  });

  it('sends each call with the request example named, and the first one by default', async () => {
    const sent: unknown[] = [];
    const recording = new Proxy(senders, {
      get: (target, key) =>
        key === 'list' || typeof key !== 'string'
          ? Reflect.get(target, key)
          : async (...args: unknown[]) => sent.push([key, ...args.slice(0, -1)]),
    });
    for (const operation of operations) {
      const [first, ...others] = Object.keys(operation.requestExamples);
      if (first === undefined) continue;
      sent.length = 0;
      await calls[operation.operationId](recording, {});
      for (const name of others) await calls[operation.operationId](recording, {}, name);
      expect(sent.map((args) => (args as unknown[]).at(-1))).toEqual(
        [first, ...others].map((name) => operation.requestExamples[name]),
      );
    }
  });
});
