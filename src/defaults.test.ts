// The defaults object is the one place of each default: the JSDoc `@default` an editor shows for
// an option, and the schedule the waits keep, are held to it.
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
/** A default as the JSDoc or the README writes it (`30_000`, `30000`, `[]`, `true`), parsed. */
const parsed = (text: string | undefined) => JSON.parse((text ?? '').replaceAll('_', ''));

/** The README's client option table: each row's names (in backticks) and its default column. */
function readmeOptionDefaults(): Record<string, string> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const found: Record<string, string> = {};
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !cells[1]?.startsWith('`')) continue;
    const names = [...(cells[1] ?? '').matchAll(/`(\w+)`/g)].map((found) => found[1] as string);
    const values = [...(cells[2] ?? '').matchAll(/`([^`]*)`/g)].map((found) => found[1] as string);
    if (values.length !== names.length) continue;
    for (const [index, name] of names.entries()) found[name] = values[index] as string;
  }
  return found;
}

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

  it("are the README's option table, each row that names a defaulted option", () => {
    const table = readmeOptionDefaults();
    for (const key of defaultedOptions) {
      if (key === 'maxResponseBytes') continue; // not in the README's table
      expect([key, parsed(table[key])]).toEqual([key, defaults[key]]);
    }
  });
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
    expect(nextInterval(2_000)).toBe(2_000 * defaults.poll.growth);
    expect(nextInterval(defaults.poll.longestIntervalMs)).toBe(defaults.poll.longestIntervalMs);
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
