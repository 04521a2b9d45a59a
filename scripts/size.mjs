#!/usr/bin/env node
// `npm run size`: the whole client as a user's bundler ships it (validation included; openapi-fetch
// is only in whatsapp-senders/raw), bundled by esbuild, minified and gzipped. Fails over the budget. Run after the build.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from './generate.mjs';

/**
 * The budget in bytes, min+gz: the figure reached (12,656 B), rounded up to the next 128 B. It was
 * 8 KiB until retries, Retry-After, per-attempt timeouts, the logger with redaction, the call-option
 * checks (9,628 B) and waitForStatus, register and verify (10,277 B) came in; issue 13's hardening
 * added 3.1 KB (13,373 B: one-pass request building, redaction of headers and cause chains,
 * redirects as errors, page checks, the waitForStatus deadline, ajv-formats' full `uri` format).
 * Issue 15 took openapi-fetch out of the main entry (-2.6 KB with the code that wired it) and added
 * withResponse(), the error family, per-call options, the table-driven calls and the messages in
 * words with "did you mean" (+1.2 KB); a closed set of client options (+46 B). The fixes from outside testing (wait options checked
 * before the write, one issue per misspelt key, a swallowed logger failure) reached 12,179 B.
 * Issue 20's one transport (bounded stream reads, redirects refused whatever fetch does, credentials only
 * under the base URL's path, not-sent failures, cut bodies that keep their status, server text escaped in
 * every message, page and empty-page bounds, options that did nothing refused) reached 12,879 B alone.
 * The status kinds (the generated x-status-kinds table, statusKind, SenderStatusError with what each kind
 * needs, and the one poller the fleet shares) add about 480 B on top: BUDGET_PLACEHOLDER.
 * `npm run size -- --modules` shows where the bytes go.
 */
export const budgetBytes = 13_440;

/** @returns {Promise<{ minified: number, gzipped: number }>} */
export async function measure(entry = join(root, 'dist', 'index.js')) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Where the minified bytes go, per source module: the same bundle built from `src/index.ts` with
 * esbuild's metafile (`npm run size -- --modules`).
 * @returns {Promise<[string, number][]>} module path and minified bytes, largest first
 */
export async function perModule() {
  const result = await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output.inputs)
    .map(([path, input]) => [path, input.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--modules')) {
    for (const [path, bytes] of await perModule()) console.log(`${String(bytes).padStart(7)} B  ${path}`);
  }
  const { minified, gzipped } = await measure();
  const verdict = gzipped <= budgetBytes ? 'within' : 'OVER';
  console.log(`bundle: ${minified} B minified, ${gzipped} B min+gz (${verdict} the ${budgetBytes} B budget)`);
  if (gzipped > budgetBytes) process.exit(1);
}
