#!/usr/bin/env node
// The package as `npm pack` makes it from a clean clone: the tracked files only (`git ls-files`), no
// dist/, so that `prepack` must build it. What a user installing from git, or a publish from a fresh
// checkout, gets.
// - `packCleanClone()` packs into a folder and says what it found (scripts/package-tests checks it).
// - `node scripts/pack-clean.mjs` is `npm test`'s build: it packs from a clean clone, puts that
//   clone's dist/ in place of this checkout's, and records the tarball for the package suite
//   (node_modules/.cache/whatsapp-senders/packed.json), which then installs it instead of packing again.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { root } from './paths.mjs';

const run = promisify(execFile);

/** Where `node scripts/pack-clean.mjs` records its tarball for the package suite. */
export const packedRecord = join(root, 'node_modules', '.cache', 'whatsapp-senders', 'packed.json');

/**
 * Copies the tracked files into a temporary folder (node_modules linked, not copied) and runs
 * `npm pack` there, into `destination`.
 * @param {{ destination: string, keepDist?: string }} options `keepDist`: a folder to copy the clone's
 *   dist/ into before the clone is removed
 * @returns {Promise<{ tarball: string, files: string[], distBefore: boolean, distAfter: boolean }>}
 */
export async function packCleanClone({ destination, keepDist }) {
  const clone = mkdtempSync(join(tmpdir(), 'whatsapp-senders-clone-'));
  try {
    const { stdout: listed } = await run('git', ['ls-files', '-z'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    for (const file of listed.split('\0').filter(Boolean)) {
      // A tracked file deleted in the working tree is not part of what a clone would build.
      if (existsSync(join(root, file))) cpSync(join(root, file), join(clone, file), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const distBefore = existsSync(join(clone, 'dist'));
    let stdout;
    try {
      ({ stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
        cwd: clone,
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (error) {
      throw new Error(
        'npm pack failed in a clean copy of the tracked files (a new file must be `git add`ed to be built):\n' +
          `${error.stdout ?? ''}${error.stderr ?? error.message}`,
      );
    }
    // npm prints the build's output before the JSON.
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1 || stdout.indexOf('[')));
    const distAfter = existsSync(join(clone, 'dist'));
    if (keepDist && distAfter) cpSync(join(clone, 'dist'), keepDist, { recursive: true });
    return {
      tarball: join(destination, packed.filename),
      files: packed.files.map((file) => file.path),
      distBefore,
      distAfter,
    };
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const destination = join(root, 'node_modules', '.cache', 'whatsapp-senders');
  mkdirSync(destination, { recursive: true });
  rmSync(packedRecord, { force: true });
  const dist = join(root, 'dist');
  const staged = mkdtempSync(join(tmpdir(), 'whatsapp-senders-dist-'));
  try {
    const packed = await packCleanClone({ destination, keepDist: staged });
    if (packed.distBefore || !packed.distAfter) {
      throw new Error(
        `npm pack in a clean clone did not build dist/ (before: ${packed.distBefore}, after: ${packed.distAfter})`,
      );
    }
    rmSync(dist, { recursive: true, force: true });
    cpSync(staged, dist, { recursive: true });
    writeFileSync(packedRecord, `${JSON.stringify(packed, null, 2)}\n`);
    console.log(`built dist/ and packed ${packed.files.length} files from a clean clone: ${packed.tarball}`);
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}
