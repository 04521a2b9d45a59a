#!/usr/bin/env node
// `npm run size`: the whole client as a user's bundler ships it (openapi-fetch and validation
// included), bundled by esbuild, minified and gzipped. Fails over the budget. Run after the build.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from './generate.mjs';

/**
 * The budget in bytes, min+gz: the figure reached (10,277 B), rounded up to the next 128 B. It was
 * 8 KiB until retries, Retry-After, per-attempt timeouts, the logger with redaction, the call-option
 * checks (9,628 B) and waitForStatus, register and verify (10,1xx B) came in; openapi-fetch alone
 * is 2,604 B of it and the spec's request rules about 1,150 B. 10,430 B after the spec followed the
 * 2026 service (issue 12: friendly_name, account_type, null in every request field, the create
 * profile's required name, the RFC 9457 message fallback).
 */
export const budgetBytes = 10_496;

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { minified, gzipped } = await measure();
  const verdict = gzipped <= budgetBytes ? 'within' : 'OVER';
  console.log(`bundle: ${minified} B minified, ${gzipped} B min+gz (${verdict} the ${budgetBytes} B budget)`);
  if (gzipped > budgetBytes) process.exit(1);
}
