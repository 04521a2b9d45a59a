#!/usr/bin/env node
// The README's Fidelity table, written from openapi/fidelity-decisions.yaml: the one file of
// reviewed decisions, which `npm run drift` reads too. `--write` puts it into README.md between
// its markers; without it, prints it. scripts/fidelity-table.test.ts fails when they disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const readmePath = join(root, 'README.md');
export const decisionsPath = join(root, 'openapi', 'fidelity-decisions.yaml');
export const markers = [
  '<!-- fidelity-table: generated from openapi/fidelity-decisions.yaml by npm run fidelity-table -->',
  '<!-- fidelity-table: end -->',
];

/** The table, one row per decision, its columns padded. */
export function renderTable(decisions = parse(readFileSync(decisionsPath, 'utf8')).decisions) {
  const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ').trim();
  const rows = [
    ['here', 'why', 'source', 'date'],
    ...decisions.map((decision) => [decision.here, decision.why, decision.source, decision.date].map(cell)),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n');
}

/** The README with its table replaced by a fresh rendering. */
export function withTable(readme, table = renderTable()) {
  const start = readme.indexOf(markers[0]);
  const end = readme.indexOf(markers[1]);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${markers.join(' and ')}`);
  return `${readme.slice(0, start + markers[0].length)}\n\n${table}\n\n${readme.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--write')) {
    writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8')));
    console.log('wrote the Fidelity table of README.md');
  } else console.log(renderTable());
}
