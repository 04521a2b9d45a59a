#!/usr/bin/env node
// `npm test`, the whole gate. Two chains run side by side, because neither waits on the other:
// - the checks of the sources: lint (code, spec), check:generated, typecheck (the type tests with it);
// - the build, as `npm pack` makes it from a clean clone (scripts/pack-clean.mjs: the one build of the
//   gate, and the proof that `prepack` builds), then the checks of what it built: check:size, lint:package.
// Then, when both passed, every test suite (`vitest run`; arguments go to it: `npm test --
// src/client.test.ts`); the package suite installs the tarball packed above. A chain stops at its
// first failure; the gate fails if either did. Each step's output is printed whole when it ends, so
// that the two chains' lines do not interleave.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packedRecord } from './pack-clean.mjs';
import { root } from './paths.mjs';

const npmRun = (script) => ({ name: `npm run ${script}`, command: 'npm', args: ['run', '--silent', script] });
const chains = [
  [npmRun('lint:code'), npmRun('lint:spec'), npmRun('check:generated'), npmRun('typecheck')],
  [
    { name: 'build by npm pack in a clean clone', command: process.execPath, args: ['scripts/pack-clean.mjs'] },
    // Side by side: each only reads what the build made.
    [npmRun('check:size'), npmRun('lint:package')],
  ],
];

/** Runs one step; resolves to whether it passed, once its output is printed. */
function step({ name, command, args }) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? `passed in ${seconds} s` : `FAILED (${signal ?? `exit ${code}`}) after ${seconds} s`;
      process.stdout.write(`\n> ${name}: ${verdict}\n${Buffer.concat(output).toString()}`);
      resolve(code === 0);
    });
  });
}

/** Runs the steps one after another (a list inside runs side by side); stops at the first failure. */
async function chain(steps) {
  for (const each of steps) {
    const passed = Array.isArray(each) ? (await Promise.all(each.map(step))).every(Boolean) : await step(each);
    if (!passed) return false;
  }
  return true;
}

const passed = await Promise.all(chains.map(chain));
if (!passed.every(Boolean)) {
  console.error('\nnpm test: a check failed (above); the test suites were not run.');
  process.exit(1);
}
const vitest = spawn(
  process.execPath,
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, WHATSAPP_SENDERS_PACKED: packedRecord } },
);
vitest.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
