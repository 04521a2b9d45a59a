#!/usr/bin/env node
// `npm run check:generated`: fails when generated/ is not what the spec generates,
// so that a spec edit without `npm run generate` cannot pass CI.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, generatedDir, root, specPath } from './generate.mjs';

/**
 * Regenerates into a temporary folder and compares it with `generatedDir`.
 * @param {{ spec?: string, generatedDir?: string }} [options]
 * @returns {Promise<string[]>} one line per stale, missing or extra file; empty when up to date
 */
export async function findStale({ spec = specPath, generatedDir: committedDir = generatedDir } = {}) {
  const scratch = await mkdtemp(join(tmpdir(), 'whatsapp-senders-generated-'));
  try {
    await generate({ spec, outDir: scratch });
    const fresh = (await readdir(scratch)).sort();
    const committed = (await readdir(committedDir).catch(() => [])).sort();
    const shown = (name) => relative(root, join(committedDir, name)).split('\\').join('/');
    const problems = [];
    for (const name of fresh) {
      const want = await readFile(join(scratch, name), 'utf8');
      const have = await readFile(join(committedDir, name), 'utf8').catch(() => undefined);
      if (have === undefined) problems.push(`${shown(name)} is missing`);
      else if (have !== want) problems.push(`${shown(name)} is stale (${firstDifference(have, want)})`);
    }
    for (const name of committed) {
      if (!fresh.includes(name)) problems.push(`${shown(name)} is not generated from the spec`);
    }
    return problems;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function firstDifference(have, want) {
  const a = have.split('\n');
  const b = want.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  return `first difference at line ${(line === -1 ? a.length : line) + 1}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = await findStale();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error('generated/ does not match openapi/: run `npm run generate` and commit the result.');
    process.exit(1);
  }
  console.log('generated/ matches openapi/senders.yaml');
}
