// Tests that run dist/ run what src/ holds now: a stale or missing build is rebuilt first, once, however
// many vitest workers ask at the same time; a fresh one is left alone. On a scratch project whose
// "build" counts its runs, so that the real dist/ other tests are using is never touched.
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type BuildPlan, ensureBuilt, isStale, repository } from './build.js';

let plan: BuildPlan;
beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ensure-built-'));
  await mkdir(join(dir, 'src', 'test'), { recursive: true });
  await writeFile(join(dir, 'src', 'index.ts'), 'export {};\n');
  await writeFile(join(dir, 'src', 'index.test.ts'), '\n');
  await writeFile(join(dir, 'src', 'test', 'helper.ts'), '\n');
  // The build: counts its runs, then writes dist/.
  await writeFile(
    join(dir, 'build.mjs'),
    `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
appendFileSync('runs', 'x');
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.js', 'export {};');
`,
  );
  plan = { root: dir, inputs: ['src'], output: 'dist', build: ['build.mjs'], lock: 'build.lock' };
});
afterEach(() => rm(plan.root, { recursive: true, force: true }));

const runs = () =>
  readFile(join(plan.root, 'runs'), 'utf8').then(
    (text) => text.length,
    () => 0,
  );
/** Sets a file's modification time `seconds` from now. */
const touch = (path: string, seconds: number) => {
  const at = new Date(Date.now() + seconds * 1000);
  return utimes(join(plan.root, path), at, at);
};

it('builds a missing dist/, then leaves a fresh one alone', async () => {
  expect(await isStale(plan)).toBe(true);
  await ensureBuilt(plan);
  expect(await runs()).toBe(1);
  expect(await isStale(plan)).toBe(false);
  await ensureBuilt(plan);
  expect(await runs()).toBe(1);
});

it('rebuilds when a source file is newer than the build, not when a test or test helper is', async () => {
  await ensureBuilt(plan);
  await touch('src/index.test.ts', 60);
  await touch('src/test/helper.ts', 60);
  await ensureBuilt(plan);
  expect(await runs()).toBe(1);
  await touch('src/index.ts', 60);
  expect(await isStale(plan)).toBe(true);
  await ensureBuilt(plan);
  expect(await runs()).toBe(2);
});

it('builds once when many callers find it stale at the same time', async () => {
  await Promise.all(Array.from({ length: 4 }, () => ensureBuilt(plan)));
  expect(await runs()).toBe(1);
  expect(await isStale(plan)).toBe(false);
});

it('takes over a lock left by a process that died', async () => {
  await writeFile(join(plan.root, 'build.lock'), '2147483646');
  await ensureBuilt(plan);
  expect(await runs()).toBe(1);
});

it("watches what this repository's build reads", () => {
  expect(repository.inputs).toEqual(expect.arrayContaining(['src', 'generated', 'openapi', 'scripts/build.mjs']));
  expect(repository.build).toEqual(['scripts/build.mjs']);
});
