#!/usr/bin/env node
// `npm run docs`: the API reference page, docs/index.html, as one self-contained file. Redocly's
// build-docs inlines Redoc (--inlineBundle) but still points the sidebar's Redocly logo at its CDN,
// and the page sends telemetry from readers' browsers unless it is built with REDOCLY_TELEMETRY=off;
// so the build turns telemetry off, and the logo addresses become an empty inline image.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './paths.mjs';

const output = join(root, 'docs', 'index.html');
const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
execFileSync(
  process.execPath,
  [cli, 'build-docs', 'openapi/senders.yaml', '--output', output, '--inlineBundle', '--title', 'WhatsApp Senders API'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
);
const empty = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";
const html = readFileSync(output, 'utf8').replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, empty);
const left = html.match(/https:\/\/cdn\.redoc\.ly[^\s"'`)]*/g);
if (left) throw new Error(`docs/index.html still loads from the CDN: ${[...new Set(left)].join(', ')}`);
writeFileSync(output, html);
console.log('wrote docs/index.html');
