#!/usr/bin/env node
// `npm run build`: src/ → dist/ as ESM (index.js) and CJS (index.cjs), each with its types, and
// the CLI (cli.js), the package's bin; raw.js (whatsapp-senders/raw), testing.js
// (whatsapp-senders/testing), fleet.js (whatsapp-senders/fleet) and openapi.json.
// The JavaScript is bundled by tsup (esbuild). The types are declared once, by one TypeScript program
// over every entry (which fails the build on a type error), and each entry's declarations are then
// bundled into one file by rollup-plugin-dts: tsup's own `dts` made a program per entry, 21 of the
// build's 24 CPU-seconds.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { build } from 'tsup';
import ts from 'typescript';
import { root } from './paths.mjs';

const require = createRequire(import.meta.url);
const redoclyManifest = require.resolve('@redocly/cli/package.json');
const redocly = join(
  redoclyManifest,
  '..',
  require(redoclyManifest).bin.redocly ?? require(redoclyManifest).bin.openapi,
);
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
await rm(join(root, 'dist'), { recursive: true, force: true });

/** The entries that have types (every one but the CLI's), by their name in dist/. */
const typed = new Map();

/** One entry of dist/: what every entry shares, and what sets it apart. */
const bundle = (name, source, { dts = true, ...options }) => {
  if (dts) typed.set(name, source);
  return build({
    entry: { [name]: join(root, 'src', ...source) },
    outDir: join(root, 'dist'),
    format: ['esm', 'cjs'],
    sourcemap: false,
    splitting: false,
    silent: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    ...options,
  });
};

/**
 * Declares the typed entries with one program (tsconfig.json's options, emitting declarations only),
 * then bundles each entry's declarations into dist/<name>.d.ts and, the same text, dist/<name>.d.cts.
 * Throws with the compiler's diagnostics when the program has errors.
 */
async function declare() {
  const declared = await mkdtemp(join(tmpdir(), 'whatsapp-senders-declarations-'));
  try {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
    );
    const sources = [...typed.values()].map((source) => join(root, 'src', ...source));
    const program = ts.createProgram(sources, {
      ...config.options,
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      sourceMap: false,
      declarationMap: false,
      rootDir: root,
      outDir: declared,
    });
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
    if (diagnostics.length > 0) {
      const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => '\n' };
      throw new Error(`the types do not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
    }
    await Promise.all(
      [...typed].map(async ([name, source]) => {
        const input = join(declared, 'src', ...source).replace(/\.ts$/, '.d.ts');
        const bundled = await rollup({
          input,
          plugins: [dts()],
          // What the package imports by name (openapi-fetch, pg, node:*) stays an import, as tsup's dts kept it.
          external: (id) => !id.startsWith('.') && !isAbsolute(id),
          onwarn: (warning) => {
            throw new Error(`${name}.d.ts: ${warning.message}`);
          },
        });
        const { output } = await bundled.generate({ format: 'es' });
        await bundles;
        const declarations = typeOnlyWhereNotAtRuntime(output[0].code, await runtimeExports(name), name);
        await writeFile(join(root, 'dist', `${name}.d.ts`), declarations);
        await writeFile(join(root, 'dist', `${name}.d.cts`), declarations);
      }),
    );
  } finally {
    await rm(declared, { recursive: true, force: true });
  }
}
/** The names dist/<name>.js exports, as esbuild reads them (without running it). */
async function runtimeExports(name) {
  const { metafile } = await esbuild({
    entryPoints: [join(root, 'dist', `${name}.js`)],
    metafile: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
  });
  return new Set(Object.values(metafile.outputs)[0].exports);
}

/**
 * The bundled declarations, with each name they export as a value that the JavaScript does not export moved
 * into an `export type { … }`: rollup-plugin-dts (as tsup's dts did) exports a class that src/ exports with
 * `export type` as a value, which compiles `new FileJournal()` and fails at run time. Throws when a function
 * or a constant the types export is missing from the JavaScript: that is a build that lost code.
 */
function typeOnlyWhereNotAtRuntime(declarations, runtime, name) {
  const file = ts.createSourceFile(`${name}.d.ts`, declarations, ts.ScriptTarget.Latest, true);
  // What only a value can be: a function or a constant (a class may be exported for its type alone).
  const onlyValues = new Set(
    file.statements.flatMap((statement) =>
      ts.isFunctionDeclaration(statement) && statement.name
        ? [statement.name.text]
        : ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((declaration) => declaration.name.getText(file))
          : [],
    ),
  );
  const edits = [];
  for (const statement of file.statements) {
    const clause = ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause;
    if (!clause || statement.moduleSpecifier || !ts.isNamedExports(clause)) continue;
    const values = [];
    const types = [];
    for (const element of clause.elements) {
      (element.isTypeOnly || runtime.has(element.name.text) ? values : types).push(element.getText(file));
    }
    if (types.length === 0) continue;
    const lost = types.filter((type) => onlyValues.has(type.split(' as ')[0] ?? type));
    if (lost.length > 0) throw new Error(`dist/${name}.js does not export ${lost.join(', ')}, which its types declare`);
    const lines = [
      ...(values.length > 0 ? [`export { ${values.join(', ')} };`] : []),
      `export type { ${types.join(', ')} };`,
    ];
    edits.push({ start: statement.getStart(file), end: statement.getEnd(), text: lines.join('\n') });
  }
  return edits.reduceRight((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), declarations);
}

// Runtime-neutral, as the main entry must be; openapi-fetch stays a dependency, resolved by the
// user's package manager.
const neutral = { target: 'es2022', platform: 'neutral', external: ['openapi-fetch'] };
const node = { target: 'node20', platform: 'node' };

// The entries are independent: built at once, each its own bundle (no chunk is shared between them).
const bundles = Promise.all([
  bundle('index', ['index.ts'], neutral),
  // whatsapp-senders/raw: the openapi-fetch client, its own entry so that the main one need not hold it.
  bundle('raw', ['raw', 'index.ts'], neutral),
  // The CLI, Node only and apart from the library entry, so that the library's bundle never holds it.
  bundle('cli', ['cli', 'bin.ts'], {
    ...node,
    format: ['esm'],
    dts: false,
    external: ['openapi-fetch', 'commander', 'nanospinner', 'cli-progress', 'js-yaml', 'pg'],
  }),
  // whatsapp-senders/testing: Node only, its own entry, so that the library's bundle never holds it.
  bundle('testing', ['testing', 'index.ts'], { ...node, shims: true }),
  // whatsapp-senders/fleet: many senders across many accounts; Node only (files, fsync), its own entry.
  bundle('fleet', ['fleet', 'index.ts'], { ...node, external: ['openapi-fetch', 'js-yaml'] }),
  // whatsapp-senders/fleet/postgres: the journal in PostgreSQL; pg, an optional peer, is loaded when a store opens.
  bundle('postgres', ['fleet', 'postgres.ts'], { ...node, external: ['pg'] }),
]);
await Promise.all([bundles, declare()]);
// whatsapp-senders/openapi.json: the spec, bundled and dereferenced, for tools that read it.
execFileSync(
  process.execPath,
  [
    redocly,
    'bundle',
    join(root, 'openapi', 'senders.yaml'),
    '--dereferenced',
    '--output',
    join(root, 'dist', 'openapi.json'),
  ],
  { cwd: root, stdio: 'ignore' },
);
console.log(`built dist/ (whatsapp-senders ${version})`);
