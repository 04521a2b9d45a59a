// The packed package, installed by name into a temporary project, in Node, Deno, Bun and workerd.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root } from '../../src/test/paths.js';
import { packCleanClone } from '../pack-clean.mjs';
import { expected } from './scenario.mjs';
import { startScenarioServer } from './server.js';

const run = promisify(execFile);
const project = inject('packageProject');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
let server: Awaited<ReturnType<typeof startScenarioServer>>;

beforeAll(async () => {
  server = await startScenarioServer();
});
afterAll(() => server.close());

async function scenarioIn(command: string, args: string[]) {
  const { stdout } = await run(command, [...args, server.url], { cwd: project, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
}

describe('the packed package', () => {
  it('ships only what users need', () => {
    const manifest = JSON.parse(
      readFileSync(join(project, 'node_modules', 'whatsapp-senders', 'package.json'), 'utf8'),
    );
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      'cli-progress',
      'commander',
      'js-yaml',
      'nanospinner',
      'openapi-fetch',
    ]);
  });

  it('has no install-time script, says where it lives, and ships no source maps', () => {
    const installed = join(project, 'node_modules', 'whatsapp-senders');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    // What npm runs when a user installs (or packs from a git clone): none of these may be published.
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(manifest.scripts).not.toHaveProperty(script);
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
    expect(manifest.bugs.url).toMatch(/^https:\/\//);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    const files = readdirSync(join(installed, 'dist'));
    expect(files).toContain('index.js');
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((name) => /\.c?js$/.test(name))) {
      expect(readFileSync(join(installed, 'dist', file), 'utf8'), file).not.toContain('sourceMappingURL');
    }
  });

  it('imports nothing from the library entry (openapi-fetch is for whatsapp-senders/raw); the rest is for the CLI and whatsapp-senders/fleet', () => {
    const imports = (file: string) =>
      [
        ...readFileSync(join(project, 'node_modules', 'whatsapp-senders', 'dist', file), 'utf8').matchAll(
          /(?:^|\n)import .* from ["']([^"'.][^"']*)["']|require\(["']([^"'.][^"']*)["']\)/g,
        ),
      ].map((match) => match[1] ?? match[2]);
    expect([...new Set(imports('index.js'))]).toEqual([]);
    expect([...new Set(imports('index.cjs'))]).toEqual([]);
    expect(new Set(imports('cli.js'))).toEqual(
      new Set([
        ...['fs', 'fs/promises', 'readline', 'readline/promises', 'crypto', 'http', 'module', 'os', 'path', 'stream'],
        'url',
        ...['v8', 'vm', 'commander', 'nanospinner', 'cli-progress', 'js-yaml'],
      ]),
    );
    // `os`: the journal lock records the host (issue 16b).
    expect(new Set(imports('fleet.js'))).toEqual(new Set(['fs', 'fs/promises', 'os', 'path', 'readline', 'js-yaml']));
  });

  // Under `npm test`, its build step packed from a clean clone, and this suite installed that tarball:
  // what it found is checked here. Alone, the suite packs from a clean clone now.
  it('builds dist/ on pack from a clean clone (prepack)', async () => {
    const destination = mkdtempSync(join(tmpdir(), 'whatsapp-senders-pack-'));
    try {
      const packed = inject('cleanClonePack') ?? (await packCleanClone({ destination }));
      expect(packed.distBefore).toBe(false);
      expect(packed.distAfter).toBe(true);
      expect(packed.files).toEqual(
        expect.arrayContaining([
          'dist/index.js',
          'dist/index.cjs',
          'dist/testing.js',
          'dist/cli.js',
          'LICENSE',
          'CHANGELOG.md',
        ]),
      );
    } finally {
      rmSync(destination, { recursive: true, force: true });
    }
  }, 120_000);

  it('works with import in Node', async () => {
    expect(await scenarioIn(process.execPath, ['entry.mjs'])).toEqual(expected);
  });

  it('works with require in Node', async () => {
    expect(await scenarioIn(process.execPath, ['entry.cjs'])).toEqual(expected);
  });

  it('keeps instanceof across its ESM and CJS builds', async () => {
    const esm = await import(join(project, 'node_modules', 'whatsapp-senders', 'dist', 'index.js'));
    const cjs = createRequire(join(project, 'index.js'))('whatsapp-senders');
    expect(esm.ApiError).not.toBe(cjs.ApiError);
    const fromCjs = new cjs.ApiError({ method: 'GET', url: 'http://127.0.0.1/', status: 404, body: {} });
    expect(fromCjs).toBeInstanceOf(esm.ApiError);
    expect(fromCjs).toBeInstanceOf(esm.SendersError);
    expect(fromCjs).not.toBeInstanceOf(esm.ValidationError);
    expect(new esm.TimeoutError('GET', 'http://127.0.0.1/', 1)).toBeInstanceOf(cjs.SendersError);
  });

  it('exports at run time every value its types export, from each entry, in ESM and in CJS', async () => {
    const installed = join(project, 'node_modules', 'whatsapp-senders');
    const { exports } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const entries = Object.entries(exports as Record<string, { import?: { types: string; default: string } }>)
      .filter(([, conditions]) => conditions.import?.types)
      .map(([subpath, conditions]) => ({ subpath, ...(conditions.import as { types: string; default: string }) }));
    expect(entries.map((entry) => entry.subpath).sort()).toEqual([
      '.',
      './fleet',
      './fleet/postgres',
      './raw',
      './testing',
    ]);
    const requireFrom = createRequire(join(project, 'index.js'));
    for (const { subpath, types, default: javascript } of entries) {
      // The names an `export { … }` of the declarations gives as values (not `export type`, not `type X`).
      const file = ts.createSourceFile(types, readFileSync(join(installed, types), 'utf8'), ts.ScriptTarget.Latest);
      const values = file.statements.flatMap((statement) =>
        ts.isExportDeclaration(statement) &&
        !statement.isTypeOnly &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause)
          ? statement.exportClause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name.text)
          : [],
      );
      expect(values.length, subpath).toBeGreaterThan(0);
      const esm = await import(join(installed, javascript));
      const cjs = requireFrom(join('whatsapp-senders', subpath));
      for (const name of values) {
        expect(esm[name], `${subpath}: ${name} (ESM)`).toBeDefined();
        expect(cjs[name], `${subpath}: ${name} (CJS)`).toBeDefined();
      }
    }
  });

  // Least privilege: the network to the scenario server's port and nothing else. No --allow-env
  // (every credential is passed) and no --allow-read (loading the modules needs none).
  it('works in Deno with --allow-net to one host and port only', async () => {
    const { host } = new URL(server.url);
    expect(await scenarioIn(bin('deno'), ['run', `--allow-net=${host}`, 'entry.mjs'])).toEqual(expected);
  });

  it('works in Bun', async () => {
    expect(await scenarioIn(bin('bun'), ['entry.mjs'])).toEqual(expected);
  });

  it("works in Cloudflare's workerd", async () => {
    const bundle = await build({
      entryPoints: [join(project, 'worker.mjs')],
      absWorkingDir: project,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'import'],
      write: false,
      logLevel: 'silent',
    });
    const worker = new Miniflare({
      modules: true,
      script: bundle.outputFiles[0]?.text ?? '',
      compatibilityDate: '2025-01-01',
      bindings: { BASE_URL: server.url },
    });
    try {
      const response = await worker.dispatchFetch('http://worker.local/');
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(JSON.parse(text)).toEqual(expected);
    } finally {
      await worker.dispose();
    }
  });
});
