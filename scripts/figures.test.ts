// The README's figures are what the measuring tools wrote: bench/size.json (`npm run size`) and
// bench/results.json (`npm run bench`). Each sits between markers that `npm run figures` rewrites;
// a figure written by hand, or left behind when a file changed, fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultedOptions, defaults, fleetDefaults } from '../src/defaults.js';
import { figures, measurements, outsideFigures, readmePath, rewrite, used, withOptionDefaults } from './figures.mjs';

const readme = readFileSync(readmePath, 'utf8');
const values = figures(measurements(), { defaults, fleetDefaults });

describe('the README', () => {
  it('says what bench/size.json and bench/results.json say (else: npm run figures)', () => {
    expect(readme).toBe(rewrite(readme, values));
  });

  it('quotes every figure the files give, and no name they do not', () => {
    expect(new Set(used(readme))).toEqual(new Set(Object.keys(values)));
  });

  it('quotes no size, ratio or timing outside the markers', () => {
    // Sizes in B to GB (a target is a decision, not a measurement), ratios and timings with decimals,
    // ranges of timings: the forms a measured figure takes.
    const figure = /\b\d[\d,.]*\s?(?:B|KB|kB|MB|MiB|GB)\b(?!\s+target)|\d+\.\d+×|\b\d+\.\d+ m?s\b|\d+–\d+ m?s\b/g;
    expect(outsideFigures(readme).match(figure) ?? []).toEqual([]);
  });
});

describe('npm run figures', () => {
  it('rewrites a stale figure and refuses a name it does not know', () => {
    const stale = readme.replace(/<!-- fig:bundle -->[^<]*<!-- \/fig -->/, '<!-- fig:bundle -->12,075 B<!-- /fig -->');
    expect(stale).not.toBe(readme);
    expect(rewrite(stale, values)).toBe(readme);
    expect(() => rewrite('<!-- fig:speed -->fast<!-- /fig -->', values)).toThrow(/no figure is called speed/);
  });

  it('renders the bundle from bench/size.json, to the byte', () => {
    const { size } = measurements();
    expect(values.bundle).toBe(`${size.bundle.gzipped.toLocaleString('en')} B`);
    expect(values['bench-table']).toMatch(
      new RegExp(`\\| bundle, min\\+gz: ours +\\| ${size.bundle.gzipped.toLocaleString('en')} B +\\|`),
    );
  });
});

describe("the README's option table", () => {
  it('has a row for every client option that has a default', () => {
    const table = readme.slice(readme.search(/^\| *option *\| *default *\|/m)).split('\n\n')[0] ?? '';
    const named = new Set(
      [...table.matchAll(/^\| ([^|]+)\|/gm)].flatMap((row) =>
        [...(row[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]),
      ),
    );
    expect(defaultedOptions.filter((option) => !named.has(option))).toEqual([]);
  });

  it('gives the defaults the defaults object holds (else: npm run figures)', () => {
    expect(readme).toBe(withOptionDefaults(readme, defaults));
  });

  it('follows a default changed in src/defaults.ts alone, its table padded again', () => {
    const changed = withOptionDefaults(readme, { ...defaults, maxRetries: 12, backoffCapMs: 120_000, validate: false });
    const row = (name: string) => changed.split('\n').find((line) => line.startsWith(`| \`${name}\``));
    expect(row('maxRetries')).toMatch(/^\| `maxRetries` +\| `12` +\| attempts after the first/);
    expect(row('backoffBaseMs')).toMatch(/\| `250`, `120000` +\|/);
    expect(row('validate')).toMatch(/\| `false` +\|/);
    const lines = changed.split('\n');
    const start = lines.findIndex((line) => /^\| option +\| default +\|/.test(line));
    const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
    const widths = lines.slice(start, end).map((line) => line.length);
    expect(widths.length).toBeGreaterThan(10);
    expect(new Set(widths).size).toBe(1);
    expect(withOptionDefaults(changed, defaults)).toBe(readme);
  });
});
