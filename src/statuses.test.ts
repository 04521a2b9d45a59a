// What a status means, from the spec's x-status-kinds: statusKind, for statuses known and unknown,
// and the README's table of kinds held to it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusKinds } from '../generated/statuses.js';
import { senderStatuses, statusesOf, statusKind } from './statuses.js';
import { root } from './test/paths.js';

describe('statusKind', () => {
  it("gives each status of the spec the kind of the spec's x-status-kinds", () => {
    expect(Object.fromEntries(senderStatuses.map((status) => [status, statusKind(status)]))).toEqual(statusKinds);
  });

  it.each([
    ['a status the spec does not know yet', 'SUSPENDED_SOMEDAY'],
    ['a name of Object.prototype', 'toString'],
    ['__proto__', '__proto__'],
    ['no status at all', undefined],
    ['a status that is not a string', 42],
  ])('takes %s as working', (_, status) => {
    expect(statusKind(status)).toBe('working');
  });

  it("lists the statuses of kinds in the spec's order", () => {
    expect(statusesOf('ready', 'failed')).toEqual(
      senderStatuses.filter((status) => ['ready', 'failed'].includes(statusKind(status))),
    );
    expect(statusesOf('ready').length).toBeGreaterThan(0);
  });
});

it("holds the README's table of kinds to the spec: each kind once, each example of its kind", async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` *\| `([A-Z_:]+)`/gm)].map(([, kind, example]) => [kind, example]);
  expect(rows.map(([kind]) => kind).sort()).toEqual(['action-needed', 'awaiting-code', 'failed', 'ready', 'working']);
  for (const [kind, example] of rows) expect([example, statusKind(example)]).toEqual([example, kind]);
});
