#!/usr/bin/env node
// `npm run build`: src/ → dist/ as ESM (index.js) and CJS (index.cjs), each with its types, and
// the CLI (cli.js), the package's bin; raw.js (whatsapp-senders/raw), testing.js
// (whatsapp-senders/testing), fleet.js (whatsapp-senders/fleet) and openapi.json.
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'tsup';
import { root } from './generate.mjs';

const require = createRequire(import.meta.url);
const redoclyManifest = require.resolve('@redocly/cli/package.json');
const redocly = join(
  redoclyManifest,
  '..',
  require(redoclyManifest).bin.redocly ?? require(redoclyManifest).bin.openapi,
);
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
await rm(join(root, 'dist'), { recursive: true, force: true });
await build({
  entry: { index: join(root, 'src', 'index.ts') },
  outDir: join(root, 'dist'),
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  splitting: false,
  silent: true,
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  // openapi-fetch stays a dependency, resolved by the user's package manager.
  external: ['openapi-fetch'],
});
// whatsapp-senders/raw: the openapi-fetch client, its own entry so that the main one need not hold it.
// Runtime-neutral like the main entry; openapi-fetch stays a dependency.
await build({
  entry: { raw: join(root, 'src', 'raw', 'index.ts') },
  outDir: join(root, 'dist'),
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  splitting: false,
  silent: true,
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  external: ['openapi-fetch'],
});
// The CLI, Node only and apart from the library entry, so that the library's bundle never holds it.
await build({
  entry: { cli: join(root, 'src', 'cli', 'bin.ts') },
  outDir: join(root, 'dist'),
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  splitting: false,
  silent: true,
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  external: ['openapi-fetch', 'commander', 'nanospinner', 'cli-progress', 'js-yaml'],
});
// whatsapp-senders/testing: Node only, its own entry, so that the library's bundle never holds it.
await build({
  entry: { testing: join(root, 'src', 'testing', 'index.ts') },
  outDir: join(root, 'dist'),
  format: ['esm', 'cjs'],
  target: 'node20',
  platform: 'node',
  dts: true,
  shims: true,
  sourcemap: true,
  splitting: false,
  silent: true,
});
// whatsapp-senders/fleet: many senders across many accounts; Node only (files, fsync), its own entry.
await build({
  entry: { fleet: join(root, 'src', 'fleet', 'index.ts') },
  outDir: join(root, 'dist'),
  format: ['esm', 'cjs'],
  target: 'node20',
  platform: 'node',
  dts: true,
  sourcemap: true,
  splitting: false,
  silent: true,
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  external: ['openapi-fetch', 'js-yaml'],
});
// whatsapp-senders/openapi.json: the spec, bundled and dereferenced, for tools that read it.
execFileSync(
  process.execPath,
  [
    redocly,
    'bundle',
    join(root, 'openapi', 'senders.yaml'),
    '--dereferenced',
    '--output',
    join(root, 'dist', 'openapi.json'),
  ],
  { cwd: root, stdio: 'ignore' },
);
console.log(`built dist/ (whatsapp-senders ${version})`);
