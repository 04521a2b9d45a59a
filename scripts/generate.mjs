#!/usr/bin/env node
// `npm run generate`: openapi/senders.yaml → generated/senders.ts.
// Deterministic: the same spec and the same openapi-typescript give the same bytes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const specPath = join(root, 'openapi', 'senders.yaml');
export const generatedDir = join(root, 'generated');

const generatorVersion = createRequire(import.meta.url)('openapi-typescript/package.json').version;

/**
 * Renders every file of `generated/` from a spec, in memory.
 * @param {string} spec path of the OpenAPI document
 * @returns {Promise<Map<string, string>>} file name → contents
 */
export async function render(spec = specPath) {
  const source = relative(root, spec).split('\\').join('/');
  // Parsed from text so that no absolute path of this machine leaks into the output.
  const ast = await openapiTS(await readFile(spec, 'utf8'), { silent: true });
  const header =
    `// Generated from ${source} by openapi-typescript ${generatorVersion}.\n` +
    '// Do not edit by hand: change the spec and run `npm run generate`.\n\n';
  return new Map([['senders.ts', header + astToString(ast)]]);
}

/**
 * Writes the rendered files into a folder.
 * @param {{ spec?: string, outDir?: string }} [options]
 * @returns {Promise<string[]>} the paths written
 */
export async function generate({ spec = specPath, outDir = generatedDir } = {}) {
  const files = await render(spec);
  await mkdir(outDir, { recursive: true });
  const written = [];
  for (const [name, text] of files) {
    const path = join(outDir, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const path of await generate()) console.log(`wrote ${relative(root, path)}`);
}
