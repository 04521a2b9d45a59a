#!/usr/bin/env node
// `npm run figures`: every measured figure of the README comes from a file a tool wrote, and only
// from there: bench/size.json (`npm run size`: bundle, package, install footprint) and
// bench/results.json (`npm run bench`: per-request times, walking, cold start, the SDK's sizes, the
// fleet). In the README each figure sits between `<!-- fig:name -->` and `<!-- /fig -->`; this
// rewrites what is between them. scripts/figures.test.ts fails when the README differs from what
// this would write, or quotes a size or a ratio outside the markers.
// The README's option table takes its defaults column from the `defaults` object (src/defaults.ts, read from
// the build): a default changes in that one place, and this carries it to the README.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const readmePath = join(root, 'README.md');

/** The files the figures come from. */
export function measurements() {
  const read = (name) => JSON.parse(readFileSync(join(root, 'bench', name), 'utf8'));
  return { size: read('size.json'), results: read('results.json') };
}

const thousands = (n) => Math.round(n).toLocaleString('en');
const bytes = (n) => `${thousands(n)} B`;
const kB = (n, digits = 1) => `${(n / 1000).toFixed(digits)} KB`;
const MB = (n, digits = 1) => `${(n / 1e6).toFixed(digits)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : 'missed');
const seconds = (ms) => `${ms / 1000} s`;
/** A Markdown table, its columns padded as Biome formats them (README.md is formatted too). */
const table = (rows) => {
  const all = [['figure', 'value', 'target', ''], ...rows];
  const widths = all[0].map((_, column) => Math.max(3, ...all.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return `\n\n${[line(all[0]), rule, ...rows.map(line)].join('\n')}\n\n`;
};

/**
 * Each figure's text, by its name in the README's markers: the measured ones from the files, and the
 * defaults the prose quotes from `defaults` and `fleetDefaults` (src/defaults.ts).
 */
export function figures({ size, results }, { defaults, fleetDefaults }) {
  const ours = 'whatsapp-senders';
  const per = results.perRequest;
  const cold = results.coldStart;
  const coldImport = cold["import('whatsapp-senders')"] - cold['node -e 0'];
  const coldRequire = cold["require('twilio')"] - cold['node -e 0'];
  const vsSdk = (op) => ratio(per[op][ours], per[op]['official SDK']);
  const rate = (walk) => `${thousands(walk.senders / (walk.ms / 1000))} senders/s`;
  const fleet = results.fleet;
  const f = fleet.settings;

  const benchRows = [];
  for (const op of ['get', 'create', 'list']) {
    const r = per[op];
    benchRows.push(
      [
        `${op}: median µs per call (raw fetch / fetch + timeout / openapi-fetch / ours / SDK)`,
        [r['raw fetch'], r['fetch + timeout'], r['openapi-fetch'], r[ours], r['official SDK']]
          .map((v) => v.toFixed(0))
          .join(' / '),
        '',
        '',
      ],
      [`${op}: ours vs raw fetch`, ratio(r[ours], r['raw fetch']), '≤ 1.10×', verdict(r[ours] / r['raw fetch'] <= 1.1)],
      [`${op}: ours vs fetch with a timeout signal`, ratio(r[ours], r['fetch + timeout']), '', ''],
      [`${op}: ours vs the official SDK`, vsSdk(op), '≤ 0.8×', verdict(r[ours] / r['official SDK'] <= 0.8)],
    );
  }
  const { walk } = results;
  benchRows.push(
    [`iterate() over ${thousands(walk.ours.senders)} senders`, rate(walk.ours), '', ''],
    [`SDK each() over ${thousands(walk.sdk.senders)} senders`, rate(walk.sdk), '', ''],
    ['iterate() RSS growth', `${walk.ours.rssGrowthMB.toFixed(1)} MB`, '≤ 20 MB', verdict(walk.ours.rssGrowthMB <= 20)],
    ['SDK each() RSS growth', `${walk.sdk.rssGrowthMB.toFixed(1)} MB`, '', ''],
    [
      'raw fetch + JSON.parse over the same pages: RSS growth (the floor)',
      `${walk.raw.rssGrowthMB.toFixed(1)} MB`,
      '',
      '',
    ],
    ['bundle, min+gz: ours', bytes(size.bundle.gzipped), '≤ 6 KB (6,144 B)', verdict(size.bundle.gzipped <= 6144)],
    ['bundle, min+gz: official SDK', bytes(results.sdk.bundle), '', ''],
    [
      'install footprint (npm pack unpacked + production dependencies)',
      `ours ${MB(size.package.installed, 2)}, SDK ${MB(results.sdk.installed, 2)}`,
      '',
      '',
    ],
    [
      "cold import('whatsapp-senders') over node -e 0",
      `${coldImport.toFixed(1)} ms`,
      '≤ 30 ms',
      verdict(coldImport <= 30),
    ],
    ["cold require('twilio') over node -e 0", `${coldRequire.toFixed(1)} ms`, '', ''],
    ['node -e 0', `${cold['node -e 0'].toFixed(1)} ms`, '', ''],
    ['contract suite, Prism start included', `${results.tooling.contract.toFixed(1)} s`, '', ''],
    ['npm run generate', `${results.tooling.generate.toFixed(2)} s`, '', ''],
  );
  const peak = `${(fleet.peakBytes / 1e6).toFixed(1)} MB`;
  const fleetRows = [
    [
      `naive sequential create() loop, ${thousands(f.speedSenders)} senders, ${f.latencyMs} ms latency`,
      `${(fleet.naiveMs / 1000).toFixed(1)} s`,
      '',
      '',
    ],
    [`applyFleet, the same senders over ${f.accounts} accounts`, `${(fleet.fleetMs / 1000).toFixed(1)} s`, '', ''],
    ['applyFleet vs the naive loop', `${(fleet.naiveMs / fleet.fleetMs).toFixed(1)}× faster`, '', ''],
    [
      'most requests in flight on one account',
      String(fleet.most),
      `≤ ${fleetDefaults.concurrency}`,
      verdict(fleet.most <= fleetDefaults.concurrency),
    ],
    [
      `CLI apply, ${thousands(f.memorySenders)} senders in a ${MB(fleet.yamlBytes)} YAML file: peak RSS`,
      `${peak} (${(fleet.peakBytes / 2 ** 20).toFixed(1)} MiB)`,
      '< 150 MB',
      verdict(fleet.peakBytes < 150e6),
    ],
    [
      `CLI apply, ${thousands(f.memorySenders)} senders, no latency: wall time`,
      `${(fleet.applyMs / 1000).toFixed(1)} s`,
      '',
      '',
    ],
  ];

  return {
    // The introduction.
    'bundle-kb': kB(size.bundle.gzipped),
    'sdk-bundle-kb': kB(results.sdk.bundle, 0),
    'install-mb': MB(size.package.installed),
    'sdk-install-mb': MB(results.sdk.installed),
    'cold-import': `${coldImport.toFixed(1)} ms`,
    'cold-require': `${coldRequire.toFixed(1)} ms`,
    'get-vs-sdk': vsSdk('get'),
    'list-vs-sdk': vsSdk('list'),
    'create-vs-sdk': vsSdk('create'),
    // Install and the bundle.
    'package-mb': MB(size.package.unpacked, 2),
    'dependencies-mb': MB(size.package.dependencies, 2),
    bundle: bytes(size.bundle.gzipped),
    budget: bytes(size.budget),
    // Performance.
    'bench-run': `${results.date}, on ${results.machine}, in ${results.seconds} s`,
    'bench-table': table(benchRows),
    'fleet-run': `${fleet.date}${fleet.quick ? ' (--quick)' : ''}, Node ${fleet.node}, ${fleet.cores} cores`,
    'fleet-table': table(fleetRows),
    'fleet-speed': `${(fleet.fleetMs / 1000).toFixed(1)} s with \`applyFleet\` against ${(fleet.naiveMs / 1000).toFixed(1)} s for a sequential loop of \`create()\` (${(fleet.naiveMs / fleet.fleetMs).toFixed(0)}×)`,
    'fleet-rss': peak,
    // The defaults the prose quotes.
    'poll-schedule': `default ${seconds(defaults.poll.intervalMs)}, ×${defaults.poll.growth} each time, capped at ${seconds(defaults.poll.longestIntervalMs)}`,
    'poll-deadline': `default ${defaults.poll.maxWaitMs / 60_000} minutes`,
    'fleet-concurrency': String(fleetDefaults.concurrency),
  };
}

const marker = /<!-- fig:([a-z-]+) -->([\s\S]*?)<!-- \/fig -->/g;

/** `text` with what is between each pair of markers replaced by that figure; throws on a name it does not know. */
export function rewrite(text, values) {
  return text.replace(marker, (_, name) => {
    if (!(name in values)) throw new Error(`README: no figure is called ${name}`);
    return `<!-- fig:${name} -->${values[name]}<!-- /fig -->`;
  });
}

/** The README without its markers and what they hold, nor code blocks: where no figure may be. */
export function outsideFigures(text) {
  return text.replace(marker, ' ').replace(/```[\s\S]*?```/g, ' ');
}

/** The names the README uses. */
export const used = (text) => [...text.matchAll(marker)].map((match) => match[1]);

/** A default as the README's table writes it: `30000`, `true`, `[]`. */
const defaultText = (value) => `\`${JSON.stringify(value)}\``;

/**
 * `text` with the defaults column of its option table (the rows whose first cell names client options in
 * backticks, as many as the defaults cell has values) written from `defaults`, the table padded again as
 * Biome pads it. A row that names an option without a default is left as it is.
 */
export function withOptionDefaults(text, defaults) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\| *option *\| *default *\|/.test(line));
  if (start < 0) throw new Error('README: no option table (a row starting `| option | default |`)');
  let end = start;
  while (lines[end + 1]?.startsWith('|')) end++;
  const rows = lines.slice(start, end + 1).map((line) =>
    line
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim()),
  );
  for (const row of rows.slice(2)) {
    const names = [...row[0].matchAll(/`(\w+)`/g)].map((found) => found[1]);
    if (names.length > 0 && names.every((name) => Object.hasOwn(defaults, name))) {
      row[1] = names.map((name) => defaultText(defaults[name])).join(', ');
    }
  }
  const widths = rows[0].map((_, column) =>
    Math.max(3, ...rows.filter((_, i) => i !== 1).map((row) => row[column].length)),
  );
  rows[1] = widths.map((width) => '-'.repeat(width));
  const padded = rows.map((row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
  return [...lines.slice(0, start), ...padded, ...lines.slice(end + 1)].join('\n');
}

/** The `defaults` and `fleetDefaults` objects of the build (dist/), read synchronously: every caller has just built. */
export function builtDefaults() {
  const load = (name) => {
    const entry = join(root, 'dist', `${name}.cjs`);
    if (!existsSync(entry)) throw new Error(`README figures: no dist/${name}.cjs; run npm run build first`);
    return createRequire(import.meta.url)(entry);
  };
  return { defaults: load('index').defaults, fleetDefaults: load('fleet').fleetDefaults };
}

/** Rewrites the README's figures from the files, and its option defaults from the build; says what it did. */
export function updateReadme() {
  const before = readFileSync(readmePath, 'utf8');
  const built = builtDefaults();
  const after = withOptionDefaults(rewrite(before, figures(measurements(), built)), built.defaults);
  if (after !== before) writeFileSync(readmePath, after);
  console.log(
    `README figures: ${after === before ? 'already' : 'now'} what bench/size.json, bench/results.json and defaults say`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) updateReadme();
