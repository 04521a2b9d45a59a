// Packs the package (`npm pack`) and installs the tarball into a temporary project, once for
// the package suite: the tests then use it by name, as a user would.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { root } from '../../src/test/paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The temporary project with the packed package installed. */
    packageProject: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'whatsapp-senders-package-'));
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // `npm test` and `test:package` build first; package.test.ts checks that a pack from a clean clone builds.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], dir);
  cpSync(join(root, 'scripts', 'package-tests'), dir, { recursive: true, filter: (path) => !path.endsWith('.ts') });
  project.provide('packageProject', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
