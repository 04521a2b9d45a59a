// Tests that run the build (dist/) build it first when it is missing or older than what it is built
// from, so that a single-file run after a source edit never tests yesterday's code. One build at a time:
// vitest's workers wait on a lock file, then look again (the first one's build is theirs too).
import { execFile } from 'node:child_process';
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from './paths.js';

export interface BuildPlan {
  /** The folder the paths below are in. */
  root: string;
  /** What the build reads, files or folders (tests and test helpers in them do not count). */
  inputs: string[];
  /** The build's output folder. */
  output: string;
  /** The command that builds it: a Node script and its arguments. */
  build: string[];
  /** Where the lock file goes. */
  lock: string;
}

/** This repository: `npm run build` turns src/, generated/ and the spec into dist/. */
export const repository: BuildPlan = {
  root,
  inputs: ['src', 'generated', 'openapi', 'scripts/build.mjs', 'package.json', 'tsconfig.json'],
  output: 'dist',
  build: ['scripts/build.mjs'],
  lock: join('node_modules', '.cache', 'whatsapp-senders-build.lock'),
};

const isTestOnly = (name: string) => /\.test(-d)?\.ts$/.test(name) || name === 'test';

/** The newest (`pick` Math.max) or oldest (Math.min) modification time of the files under `path`. */
async function mtime(path: string, pick: (a: number, b: number) => number, skip = isTestOnly): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return Number.NaN;
  if (!info.isDirectory()) return info.mtimeMs;
  let found = Number.NaN;
  for (const entry of await readdir(path)) {
    if (skip(entry)) continue;
    const time = await mtime(join(path, entry), pick, skip);
    if (!Number.isNaN(time)) found = Number.isNaN(found) ? time : pick(found, time);
  }
  return found;
}

/** Whether the output is missing, empty, or older than any input. */
export async function isStale(plan: BuildPlan = repository): Promise<boolean> {
  const built = await mtime(join(plan.root, plan.output), Math.min, () => false);
  if (Number.isNaN(built)) return true;
  for (const input of plan.inputs) {
    if ((await mtime(join(plan.root, input), Math.max)) > built) return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock file (its content: the holder's pid); a lock whose holder died is taken over. */
async function lock(path: string): Promise<() => Promise<void>> {
  await mkdir(join(path, '..'), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(path, 'utf8').catch(() => ''));
    if (holder > 0 && !alive(holder)) await rm(path, { force: true });
    else if (waited > 300_000) throw new Error(`${path} has been held for 5 minutes by process ${holder}`);
    else await sleep(100);
  }
}

/** Builds `plan.output` when it is stale; concurrent callers (threads or processes) build it once. */
export async function ensureBuilt(plan: BuildPlan = repository): Promise<void> {
  if (!(await isStale(plan))) return;
  const release = await lock(join(plan.root, plan.lock));
  try {
    if (await isStale(plan)) {
      await promisify(execFile)(process.execPath, plan.build, { cwd: plan.root, maxBuffer: 16 * 2 ** 20 });
    }
  } finally {
    await release();
  }
}

/** The path of a file of this repository's dist/, built first if stale. */
export async function fromDist(file: string): Promise<string> {
  await ensureBuilt();
  return join(root, 'dist', file);
}
