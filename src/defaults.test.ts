// The defaults object is the one place of each default: the JSDoc `@default` an editor shows for
// an option, and the schedule the waits keep, are held to it (the README's option table: scripts/figures.test.ts).
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { defaultedOptions, defaults } from './defaults.js';
import * as main from './index.js';
import { nextInterval, poll } from './poller.js';

/** The `@default` of each property of `interfaceName` in `file`, as written. */
function documentedDefaults(file: string, interfaceName: string): Record<string, string | undefined> {
  const path = new URL(file, import.meta.url);
  const source = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Record<string, string | undefined> = {};
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== interfaceName) continue;
    for (const member of statement.members) {
      const tag = ts.getJSDocTags(member).find((each) => each.tagName.text === 'default');
      found[member.name?.getText(source) ?? ''] = ts.getTextOfJSDocComment(tag?.comment)?.trim();
    }
  }
  return found;
}
const number = (text: string | undefined) => Number(text?.replaceAll('_', ''));
describe('the client option defaults', () => {
  it("are the main entry's `defaults`, frozen", () => {
    expect(main.defaults).toBe(defaults);
    expect(Object.isFrozen(defaults)).toBe(true);
    expect(Object.isFrozen(defaults.poll)).toBe(true);
  });

  it('are what the @default of each client option names', () => {
    const documented = documentedDefaults('./options.ts', 'ClientOptions');
    for (const key of defaultedOptions) expect([key, documented[key]]).toEqual([key, `defaults.${key}`]);
  });
  // The README's option table is written from them by `npm run figures`: scripts/figures.test.ts.
});

describe('the poll defaults', () => {
  it("are the @default of the wait options and of the fleet's", () => {
    const wait = documentedDefaults('./lifecycle.ts', 'WaitOptions');
    expect(number(wait.intervalMs)).toBe(defaults.poll.intervalMs);
    expect(number(wait.maxWaitMs)).toBe(defaults.poll.maxWaitMs);
    const fleet = documentedDefaults('./fleet/apply.ts', 'ApplyOptions');
    expect(number(fleet.pollIntervalMs)).toBe(defaults.poll.intervalMs);
    expect(number(fleet.maxWaitMs)).toBe(defaults.poll.maxWaitMs);
  });

  it('grow each wait by their growth, up to the longest', () => {
    expect(nextInterval(2_000, defaults.poll.longestIntervalMs)).toBe(2_000 * defaults.poll.growth);
    expect(nextInterval(defaults.poll.longestIntervalMs, defaults.poll.longestIntervalMs)).toBe(
      defaults.poll.longestIntervalMs,
    );
  });

  it('give a poll without a schedule its first wait and deadline', async () => {
    vi.useFakeTimers();
    try {
      const reads: number[] = [];
      const start = Date.now();
      const pending = poll(
        async () => reads.push(Date.now() - start),
        () => false,
        {},
        0,
      );
      await vi.runAllTimersAsync();
      expect((await pending).timedOut).toBe(true);
      expect(reads[0]).toBe(defaults.poll.intervalMs);
      expect(reads.at(-1)).toBeLessThanOrEqual(defaults.poll.maxWaitMs);
      expect(reads.at(-1)).toBeGreaterThan(defaults.poll.maxWaitMs - defaults.poll.longestIntervalMs);
    } finally {
      vi.useRealTimers();
    }
  });
});
