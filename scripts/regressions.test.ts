// REGRESSIONS.md maps each defect found so far to the tests that guard it. Each test it names must still
// exist: its file, and in it an `it(` or `test(` with that name, or a row of an `.each` table with that label.
// A test renamed, moved or deleted without its line here fails this file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../src/test/paths.js';

/** A line ``- `file`: name``, indented under its defect. */
const reference = /^\s*- `([^`]+)`: (.+)$/gm;

/** Every (file, name) pair the markdown names. */
function referencesIn(markdown: string): [file: string, name: string][] {
  return [...markdown.matchAll(reference)].map((match) => [match[1] as string, (match[2] as string).trim()]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `source` declares a test named `name`: the name as a string literal opening `it(`, `test(`, the
 * second call of `it.each(…)(` / `it.runIf(…)(`, or, in a file with an `.each` table, opening one of its rows.
 */
function declares(source: string, name: string): boolean {
  const literal = ["'", '"', '`'].map((quote) => `${quote}${escapeRegExp(name)}${quote}`).join('|');
  const asTitle = new RegExp(`(?:\\b(?:it|test)|\\))\\(\\s*(?:${literal})`);
  const asRow = new RegExp(`\\[\\s*(?:${literal})\\s*,`);
  return asTitle.test(source) || (/\.each\(/.test(source) && asRow.test(source));
}

/** What is wrong with each reference: its file is missing, or declares no such test. */
function problems(markdown: string, read: (file: string) => string | undefined): string[] {
  return referencesIn(markdown).flatMap(([file, name]) => {
    if (!/\.test(-d)?\.ts$/.test(file)) return [`${file}: not a test file`];
    const source = read(file);
    if (source === undefined) return [`${file}: no such file (for "${name}")`];
    return declares(source, name) ? [] : [`${file}: no test named "${name}"`];
  });
}

const fromRoot = (file: string) => {
  const path = join(root, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};

describe('REGRESSIONS.md', () => {
  it('names only tests that exist, each in the file it says', () => {
    const markdown = readFileSync(join(root, 'REGRESSIONS.md'), 'utf8');
    expect(referencesIn(markdown).length).toBeGreaterThanOrEqual(80);
    expect(problems(markdown, fromRoot)).toEqual([]);
  });

  it('is failed by a test renamed, a row label gone, a file removed, or a file that is not a test', () => {
    const source = [
      "it('keeps its name', () => {});",
      "it.each([\n  ['a labelled row', 1],\n])('refuses %s', () => {});",
      "describe('only a describe', () => {});",
    ].join('\n');
    const files: Record<string, string> = { 'src/a.test.ts': source };
    const markdown = [
      '- **A defect.**',
      '  - `src/a.test.ts`: keeps its name',
      '  - `src/a.test.ts`: refuses %s',
      '  - `src/a.test.ts`: a labelled row',
      '  - `src/a.test.ts`: its old name',
      '  - `src/a.test.ts`: only a describe',
      '  - `src/gone.test.ts`: keeps its name',
      '  - `src/a.ts`: keeps its name',
    ].join('\n');
    expect(problems(markdown, (file) => files[file])).toEqual([
      'src/a.test.ts: no test named "its old name"',
      'src/a.test.ts: no test named "only a describe"',
      'src/gone.test.ts: no such file (for "keeps its name")',
      'src/a.ts: not a test file',
    ]);
  });
});
