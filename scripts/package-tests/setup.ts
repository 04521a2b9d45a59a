// Installs the packed package into a temporary project, once for the package suite: the tests then
// use it by name, as a user would. Under `npm test`, the tarball is the one its build step packed
// from a clean clone (scripts/pack-clean.mjs, named by WHATSAPP_SENDERS_PACKED); otherwise
// (`npm run test:package`, a single file) it is packed here from the dist/ already built.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { CleanClonePack } from '../pack-clean.mjs';
import { root } from '../paths.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The temporary project with the packed package installed. */
    packageProject: string;
    /** What `npm test`'s build found when it packed from a clean clone; null when this suite packed. */
    cleanClonePack: CleanClonePack | null;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'whatsapp-senders-package-'));
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const record = process.env.WHATSAPP_SENDERS_PACKED;
  const cleanClonePack: CleanClonePack | null = record ? JSON.parse(readFileSync(record, 'utf8')) : null;
  const tarball =
    cleanClonePack?.tarball ??
    join(dir, JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root))[0].filename);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir);
  cpSync(join(root, 'scripts', 'package-tests'), dir, { recursive: true, filter: (path) => !path.endsWith('.ts') });
  project.provide('packageProject', dir);
  project.provide('cleanClonePack', cleanClonePack);
  return () => rmSync(dir, { recursive: true, force: true });
}
