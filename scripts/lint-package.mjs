#!/usr/bin/env node
// `npm run lint:package`: publint, then arethetypeswrong on the tarball `npm pack` makes of the dist/
// already built (`--ignore-scripts`: `attw --pack` would run prepack, a second build in the gate).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './paths.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const dir = mkdtempSync(join(tmpdir(), 'lint-package-'));
try {
  execFileSync(bin('publint'), ['--strict'], { cwd: root, stdio: 'inherit' });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  execFileSync(bin('attw'), [join(dir, packed.filename)], { cwd: root, stdio: 'inherit' });
} catch (error) {
  // Each tool has printed what it found.
  if (typeof error.status !== 'number') throw error;
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
