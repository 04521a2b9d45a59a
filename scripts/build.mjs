#!/usr/bin/env node
// `npm run build`: src/ → dist/ as ESM (index.js) and CJS (index.cjs), each with its types.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'tsup';
import { root } from './generate.mjs';

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
console.log(`built dist/ (whatsapp-senders ${version})`);
