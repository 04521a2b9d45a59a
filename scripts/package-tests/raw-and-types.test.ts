// whatsapp-senders/raw from the packed package, and the types of every entry as TypeScript users
// resolve them: node10 (through typesVersions), node16 and bundler.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hoverText } from '../../src/test/quick-info.js';
import { root } from '../paths.mjs';
import { startScenarioServer } from './server.js';

const run = promisify(execFile);
const project = inject('packageProject');
const known = 'XE0123456789abcdef0123456789abcdef';
let server: Awaited<ReturnType<typeof startScenarioServer>>;

beforeAll(async () => {
  server = await startScenarioServer();
});
afterAll(() => server.close());

async function script(name: string, source: string) {
  writeFileSync(join(project, name), source);
  const { stdout } = await run(process.execPath, [name, server.url], { cwd: project, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
}

const call = `
const raw = createRawClient({ accountSid: 'AC${'1'.repeat(32)}', authToken: 'token', baseUrl: process.argv[2] });
const { data, response } = await raw.GET('/v2/Channels/Senders/{Sid}', { params: { path: { Sid: '${known}' } } });
const missing = await raw.GET('/v2/Channels/Senders/{Sid}', { params: { path: { Sid: 'XE${'f'.repeat(32)}' } } });
console.log(JSON.stringify({ status: data.status, code: response.status, error: missing.error.code }));`;
const expected = { status: 'ONLINE', code: 200, error: 20404 };

describe('whatsapp-senders/raw, installed', () => {
  it('works with import', async () => {
    expect(await script('raw.mjs', `import { createRawClient } from 'whatsapp-senders/raw';\n${call}`)).toEqual(
      expected,
    );
  });

  it('works with require', async () => {
    const source = `const { createRawClient } = require('whatsapp-senders/raw');\n(async () => {${call}})();`;
    expect(await script('raw.cjs', source)).toEqual(expected);
  });

  it('works in Deno and Bun', async () => {
    // The same file as 'works with import' (run by Node there): written here, not run again.
    writeFileSync(join(project, 'raw.mjs'), `import { createRawClient } from 'whatsapp-senders/raw';\n${call}`);
    const bin = (name: string) => join(root, 'node_modules', '.bin', name);
    // --allow-env as in package.test.ts: the shared resolveConfig still reads the environment (issue 13).
    for (const [command, args] of [
      [bin('deno'), ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'raw.mjs']],
      [bin('bun'), ['raw.mjs']],
    ] as const) {
      const { stdout } = await run(command, [...args, server.url], { cwd: project, timeout: 60_000 });
      expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''), command).toEqual(expected);
    }
  });

  it('imports nothing but openapi-fetch', () => {
    for (const file of ['raw.js', 'raw.cjs']) {
      const text = readFileSync(join(project, 'node_modules', 'whatsapp-senders', 'dist', file), 'utf8');
      const imports = [
        ...text.matchAll(/(?:^|\n)import .* from ["']([^"'.][^"']*)["']|require\(["']([^"'.][^"']*)["']\)/g),
      ];
      expect(new Set(imports.map((match) => match[1] ?? match[2]))).toEqual(new Set(['openapi-fetch']));
    }
  });
});

// A user's file that needs the real types of each entry: an import that fails to resolve, or that
// resolves to `any`, breaks the compile (the @ts-expect-error lines then have nothing to expect).
const consumer = `import { ApiError, createSendersClient, type Sender } from 'whatsapp-senders';
import { createRawClient, type RawClient } from 'whatsapp-senders/raw';
import { startMock, type Sandbox } from 'whatsapp-senders/testing';

export async function use(sandbox: Sandbox): Promise<Sender['status'] | undefined> {
  const senders = createSendersClient({ baseUrl: sandbox.url });
  const raw: RawClient = createRawClient({ baseUrl: sandbox.url });
  const { data } = await raw.GET('/v2/Channels/Senders/{Sid}', { params: { path: { Sid: 'XE0' } } });
  // @ts-expect-error not a path of the spec
  await raw.GET('/v2/Channels/Nothing');
  // @ts-expect-error a sender has no such field
  data?.senderId;
  // @ts-expect-error startMock takes options, not a number
  await startMock(4010);
  if (data === undefined) throw new ApiError({ method: 'GET', url: sandbox.url, status: 404, body: null });
  return (await senders.get(data.sid)).status;
}
`;

const settings = {
  node10: { module: 'commonjs', moduleResolution: 'node10' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
} as const;

/** TypeScript's own lib files, parsed once for the three compiles (each still type-checks on its own). */
const libFiles = new Map<string, ts.SourceFile | undefined>();

/** Compiles `dir`/tsconfig.json as `tsc -p` would, in this process; the diagnostics as tsc prints them. */
function compile(dir: string): string {
  const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const { options, fileNames, errors } = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, ...rest) => {
    if (!fileName.startsWith(dirname(ts.getDefaultLibFilePath(options)))) return read(fileName, version, ...rest);
    const key = `${fileName} ${JSON.stringify(version)}`;
    if (!libFiles.has(key)) libFiles.set(key, read(fileName, version, ...rest));
    return libFiles.get(key);
  };
  const program = ts.createProgram({ rootNames: fileNames, options, host });
  return ts.formatDiagnostics([...errors, ...ts.getPreEmitDiagnostics(program)], host);
}

describe('the types of every entry', () => {
  for (const [name, compilerOptions] of Object.entries(settings)) {
    it(`compile in a consumer with moduleResolution ${name}`, () => {
      const dir = join(project, `types-${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'use.ts'), consumer);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            ...compilerOptions,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            strict: true,
            noEmit: true,
            // Our .d.ts files are checked (skipLibCheck off); TypeScript's own lib files are not: they are
            // the same for every package, and checking them was most of each compile's time.
            skipLibCheck: false,
            skipDefaultLibCheck: true,
            types: [],
            typeRoots: [],
          },
          files: ['use.ts'],
        }),
      );
      expect(compile(dir)).toBe('');
    });
  }

  it('show the documentation of a referenced property on hover (sender.status), from what is installed', () => {
    const source = "import type { Sender } from 'whatsapp-senders';\ndeclare const sender: Sender;\nsender.status;\n";
    const shown = hoverText(join(project, 'hover.ts'), source, 'status', {
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
    });
    expect(shown).toContain('(property) status:');
    expect(shown).toContain('@description Where the sender is in its life.');
  });
});
