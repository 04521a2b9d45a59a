#!/usr/bin/env node
// `npm run size`: the package's sizes, written to bench/size.json, where the README's figures come from
// (it rewrites them, as `npm run figures` does; scripts/figures.test.ts holds the README to the file):
// - the bundle: the whole client as a user's bundler ships it (validation included; openapi-fetch is
//   only in whatsapp-senders/raw), bundled by esbuild, minified and gzipped. Fails over the budget;
// - the install footprint: what `npm pack` puts in the tarball, unpacked, plus the production
//   dependencies as installed.
// `npm run size -- --check` (the gate) writes nothing: it fails over the budget, or when bench/size.json
// is stale. Run after the build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { updateReadme } from './figures.mjs';
import { root } from './paths.mjs';

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
 * needs, and the one poller the fleet shares) add about 480 B on top: 13,358 B together. Issue 21's table-built
 * methods, the page keys read from x-pagination and the exported frozen `defaults` reach 13,650 B (budget: next 128 B).
 * The poller's longest-interval option (the fleet's hold wait now shares it) and the credential variables read
 * from one table bring it to 13,697 B. The budget is 13,824 B (13.5 KiB): about four more operations'
 * room (one table-built operation measured 32 B), so that adding an operation (MAINTAINING.md) is the
 * spec and its two places, and growth past that is still a decision written here.
 * `npm run size -- --modules` shows where the bytes go.
 */
export const budgetBytes = 13_824;

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

/** Bytes of a folder, all files. */
function folderBytes(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/** Where `name` is installed, as Node would find it from `from`. */
function packageDir(name, from) {
  for (let at = from; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(at) === at) throw new Error(`${name} is not installed`);
  }
}

/** A package and its production dependencies (and theirs), as installed in node_modules, in bytes. */
export function installedBytes(name, from = root, seen = new Set()) {
  const dir = packageDir(name, from);
  if (seen.has(dir)) return 0;
  seen.add(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let total = folderBytes(dir);
  for (const dependency of Object.keys(manifest.dependencies ?? {})) total += installedBytes(dependency, dir, seen);
  return total;
}

/** What installing this package puts on disk: the tarball's files, unpacked, and the production dependencies. */
export function footprint() {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
  );
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const seen = new Set();
  const dependencies = Object.keys(manifest.dependencies).reduce(
    (sum, name) => sum + installedBytes(name, root, seen),
    0,
  );
  const sourceMaps = packed.files.filter((file) => file.path.endsWith('.map')).reduce((sum, f) => sum + f.size, 0);
  return {
    files: packed.entryCount,
    packed: packed.size,
    unpacked: packed.unpackedSize,
    sourceMaps,
    dependencies,
    installed: packed.unpackedSize + dependencies,
  };
}

export const sizeFile = join(root, 'bench', 'size.json');

/**
 * How far the recorded footprint may be from the measured one before the gate calls the record stale:
 * the tarball holds README.md, so that any edit of the README moves it by a few bytes. The bundle must
 * match to the byte.
 */
export const footprintTolerance = 0.02;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--modules')) {
    for (const [path, bytes] of await perModule()) console.log(`${String(bytes).padStart(7)} B  ${path}`);
  }
  const sizes = { budget: budgetBytes, bundle: await measure(), package: footprint() };
  const { minified, gzipped } = sizes.bundle;
  const verdict = gzipped <= budgetBytes ? 'within' : 'OVER';
  console.log(`bundle: ${minified} B minified, ${gzipped} B min+gz (${verdict} the ${budgetBytes} B budget)`);
  const { unpacked, sourceMaps, dependencies, installed } = sizes.package;
  console.log(
    `install: ${installed} B (the package ${unpacked} B, of which ${sourceMaps} B source maps; dependencies ${dependencies} B)`,
  );
  if (gzipped > budgetBytes) process.exit(1);
  if (process.argv.includes('--check')) {
    const recorded = existsSync(sizeFile) ? JSON.parse(readFileSync(sizeFile, 'utf8')) : {};
    const near = (a, b) => Math.abs(a - b) <= footprintTolerance * b;
    const fresh =
      recorded.budget === sizes.budget &&
      recorded.bundle?.gzipped === gzipped &&
      recorded.bundle?.minified === minified &&
      near(recorded.package?.installed, installed) &&
      near(recorded.package?.unpacked, unpacked);
    if (!fresh) {
      console.error(
        'bench/size.json does not say what was measured: run `npm run size` (it rewrites the file and the README figures) and commit both.',
      );
      process.exit(1);
    }
  } else {
    writeFileSync(sizeFile, `${JSON.stringify(sizes, null, 2)}\n`);
    console.log('wrote bench/size.json');
    updateReadme();
  }
}
