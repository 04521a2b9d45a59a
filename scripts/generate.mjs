#!/usr/bin/env node
// `npm run generate`: openapi/senders.yaml → generated/senders.ts (the types), request-rules.ts (what
// the client validates), operations.ts (each operation's method, path and retry safety) and
// statuses.ts (each status's kind, from x-status-kinds).
// Deterministic: the same spec and the same openapi-typescript give the same bytes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { renderOperationTable } from './operation-table.mjs';
import { generatedDir, root, specPath } from './paths.mjs';
import { describeReferences } from './ref-descriptions.mjs';
import { requestRules } from './request-rules.mjs';
import { renderStatuses } from './status-kinds.mjs';

export { generatedDir, root, specPath };

const generatorVersion = createRequire(import.meta.url)('openapi-typescript/package.json').version;

/**
 * Renders every file of `generated/` from a spec, in memory.
 * @param {string} spec path of the OpenAPI document
 * @returns {Promise<Map<string, string>>} file name → contents
 */
export async function render(spec = specPath) {
  const source = relative(root, spec).split('\\').join('/');
  // Parsed from text so that no absolute path of this machine leaks into the output.
  const text = await readFile(spec, 'utf8');
  const document = parse(text);
  const ast = await openapiTS(describeReferences(document), { silent: true });
  const header = (by) =>
    `// Generated from ${source} by ${by}.\n` +
    '// Do not edit by hand: change the spec and run `npm run generate`.\n\n';
  const rules = requestRules(parse(text));
  const operations = renderOperationTable(document);
  return new Map([
    ['senders.ts', header(`openapi-typescript ${generatorVersion}`) + astToString(ast)],
    [
      'request-rules.ts',
      `${header('scripts/request-rules.mjs')}` +
        '// The request side of the spec (parameters and bodies), for validation before a request is sent.\n' +
        `export const requestRules = ${JSON.stringify(rules, null, 2)} as const;\n`,
    ],
    ['statuses.ts', header('scripts/status-kinds.mjs') + renderStatuses(document)],
    ['operations.ts', header('scripts/operation-table.mjs') + operations],
  ]);
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
