// The defaults object is the one place of each default: the JSDoc `@default` an editor shows for
// an option, and the schedule the waits keep, are held to it (the README's option table: scripts/figures.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { defaultedOptions, defaults, fleetDefaults, postgresDefaults } from './defaults.js';
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
  it("are what the @default of the wait options and of the fleet's names", () => {
    const wait = documentedDefaults('./lifecycle.ts', 'WaitOptions');
    expect(wait.intervalMs).toBe('defaults.poll.intervalMs');
    expect(wait.maxWaitMs).toBe('defaults.poll.maxWaitMs');
    const fleet = documentedDefaults('./fleet/apply.ts', 'ApplyOptions');
    expect(fleet.pollIntervalMs).toBe('defaults.poll.intervalMs');
    expect(fleet.maxWaitMs).toBe('defaults.poll.maxWaitMs');
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

describe('every @default of the shipped options', () => {
  /** The `@default` tags of the client's, the fleet's and the CLI's sources (the sandbox's options are its own). */
  function tags(): { file: string; text: string }[] {
    const found: { file: string; text: string }[] = [];
    const walk = (dir: URL) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          if (entry.name !== 'testing' && entry.name !== 'test') walk(new URL(`${entry.name}/`, dir));
        } else if (/(?<!\.test|\.test-d)\.ts$/.test(entry.name)) {
          const source = readFileSync(new URL(entry.name, dir), 'utf8');
          for (const match of source.matchAll(/@default +([^\n]+?)(?: *\*\/)?$/gm))
            found.push({ file: new URL(entry.name, dir).pathname, text: (match[1] as string).trim() });
        }
      }
    };
    walk(new URL('./', import.meta.url));
    return found;
  }
  const objects: Record<string, unknown> = { defaults, fleetDefaults, postgresDefaults };
  const resolve = (path: string) =>
    path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], objects);

  it('names a value of the defaults objects instead of copying a number', () => {
    const found = tags();
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter(({ text }) => /^-?[\d.]/.test(text))).toEqual([]);
  });

  it('names a value that exists', () => {
    const named = tags().flatMap(({ file, text }) => {
      const path = /^(?:defaults|fleetDefaults|postgresDefaults)(?:\.\w+)+/.exec(text)?.[0];
      return path ? [{ file, path }] : [];
    });
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter(({ path }) => resolve(path) === undefined)).toEqual([]);
  });
});

describe("the CLI's option defaults", () => {
  it('are read from the defaults objects: no option of a command defaults to a number written there', () => {
    const dir = new URL('./cli/commands/', import.meta.url);
    const copies: string[] = [];
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.includes('.test'))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          ['option', 'default'].includes(node.expression.name.text) &&
          node.arguments.some((argument) => ts.isNumericLiteral(argument) && argument.text !== '0')
        )
          copies.push(`${name}: .${node.expression.name.text}(${node.arguments[0]?.getText(source)}, …)`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(copies).toEqual([]);
  });
});
