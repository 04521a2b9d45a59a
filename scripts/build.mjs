#!/usr/bin/env node
// `npm run build`: src/ → dist/ as ESM (index.js) and CJS (index.cjs), each with its types, and
// the CLI (cli.js), the package's bin; raw.js (whatsapp-senders/raw), testing.js
// (whatsapp-senders/testing), fleet.js (whatsapp-senders/fleet) and openapi.json.
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'tsup';
import { root } from './paths.mjs';

const require = createRequire(import.meta.url);
const redoclyManifest = require.resolve('@redocly/cli/package.json');
const redocly = join(
  redoclyManifest,
  '..',
  require(redoclyManifest).bin.redocly ?? require(redoclyManifest).bin.openapi,
);
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
await rm(join(root, 'dist'), { recursive: true, force: true });

/** One entry of dist/: what every entry shares, and what sets it apart. */
const bundle = (name, source, options) =>
  build({
    entry: { [name]: join(root, 'src', ...source) },
    outDir: join(root, 'dist'),
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    splitting: false,
    silent: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    ...options,
  });
// Runtime-neutral, as the main entry must be; openapi-fetch stays a dependency, resolved by the
// user's package manager.
const neutral = { target: 'es2022', platform: 'neutral', external: ['openapi-fetch'] };
const node = { target: 'node20', platform: 'node' };

// The entries are independent: built at once, each its own bundle (no chunk is shared between them).
await Promise.all([
  bundle('index', ['index.ts'], neutral),
  // whatsapp-senders/raw: the openapi-fetch client, its own entry so that the main one need not hold it.
  bundle('raw', ['raw', 'index.ts'], neutral),
  // The CLI, Node only and apart from the library entry, so that the library's bundle never holds it.
  bundle('cli', ['cli', 'bin.ts'], {
    ...node,
    format: ['esm'],
    dts: false,
    external: ['openapi-fetch', 'commander', 'nanospinner', 'cli-progress', 'js-yaml', 'pg'],
  }),
  // whatsapp-senders/testing: Node only, its own entry, so that the library's bundle never holds it.
  bundle('testing', ['testing', 'index.ts'], { ...node, shims: true }),
  // whatsapp-senders/fleet: many senders across many accounts; Node only (files, fsync), its own entry.
  bundle('fleet', ['fleet', 'index.ts'], { ...node, external: ['openapi-fetch', 'js-yaml'] }),
  // whatsapp-senders/fleet/postgres: the journal in PostgreSQL; pg, an optional peer, is loaded when a store opens.
  bundle('postgres', ['fleet', 'postgres.ts'], { ...node, external: ['pg'] }),
]);
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
