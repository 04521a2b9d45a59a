#!/usr/bin/env node
// `npm run bench`: this client side by side with raw fetch, bare openapi-fetch and the official
// SDK, on this machine; prints a table and rewrites bench/RESULTS.md. See README, "Performance".
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { clients } from './clients.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick'); // fewer rounds, for a smoke run
const callsPerClient = quick ? 200 : 2_000;
const warmup = quick ? 50 : 200;
const walkPages = quick ? 100 : 1_000;
const coldRuns = quick ? 5 : 20;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const log = (line) => process.stderr.write(`${line}\n`);

/** Starts bench/server.mjs in its own process. */
async function startServer(pages) {
  const child = spawn(process.execPath, [join(root, 'bench', 'server.mjs')], {
    env: { ...process.env, PAGES: String(pages) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, close: () => child.kill() };
}

/** 1. Per request: interleaved rounds of the four clients, median µs per call. */
async function perRequest() {
  const server = await startServer(1);
  try {
    const all = clients(server.url);
    const names = Object.keys(all);
    const results = {};
    for (const op of ['get', 'create', 'list']) {
      const times = Object.fromEntries(names.map((name) => [name, []]));
      for (const name of names) for (let i = 0; i < warmup; i++) await all[name][op]();
      const round = 20;
      for (let done = 0; done < callsPerClient; done += round) {
        for (const name of names) {
          for (let i = 0; i < round; i++) {
            const started = performance.now();
            await all[name][op]();
            times[name].push((performance.now() - started) * 1000);
          }
        }
      }
      results[op] = Object.fromEntries(names.map((name) => [name, median(times[name])]));
      log(`per request, ${op}: ${names.map((name) => `${name} ${results[op][name].toFixed(0)} µs`).join(', ')}`);
    }
    return results;
  } finally {
    server.close();
  }
}

/** 2. Walking the list: each walker in its own process, against a server of `walkPages` pages of 100. */
async function walking() {
  const server = await startServer(walkPages);
  try {
    const walk = (which) =>
      JSON.parse(
        execFileSync(process.execPath, ['--expose-gc', join(root, 'bench', 'walk.mjs'), which, server.url, '100'], {
          encoding: 'utf8',
        }),
      );
    const ours = walk('ours');
    log(`walk, ours: ${ours.senders} senders in ${ours.ms.toFixed(0)} ms, RSS +${ours.rssGrowthMB.toFixed(1)} MB`);
    const sdk = walk('sdk');
    log(`walk, SDK: ${sdk.senders} senders in ${sdk.ms.toFixed(0)} ms, RSS +${sdk.rssGrowthMB.toFixed(1)} MB`);
    const raw = walk('raw');
    log(`walk, raw fetch: ${raw.senders} senders in ${raw.ms.toFixed(0)} ms, RSS +${raw.rssGrowthMB.toFixed(1)} MB`);
    return { ours, sdk, raw };
  } finally {
    server.close();
  }
}

/** Bytes of a folder, all files. */
function folderBytes(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/** Where `name` is installed, as Node would find it from `from`. */
function packageDir(name, from) {
  for (let at = from; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(at) === at) throw new Error(`${name} is not installed`);
  }
}

/** A package and its production dependencies, as installed in node_modules, in bytes. */
function installedBytes(name, from = root, seen = new Set()) {
  const dir = packageDir(name, from);
  if (seen.has(dir)) return 0;
  seen.add(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let total = folderBytes(dir);
  for (const dependency of Object.keys(manifest.dependencies ?? {})) total += installedBytes(dependency, dir, seen);
  return total;
}

/** 3. Size: each bundled by esbuild, minified and gzipped; and what an install puts on disk. */
async function size() {
  const bundle = async (entry, platform) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform,
      format: platform === 'node' ? 'cjs' : 'esm',
      write: false,
      logLevel: 'silent',
    });
    return gzipSync(result.outputFiles[0].contents, { level: 9 }).byteLength;
  };
  const ours = await bundle(join(root, 'dist', 'index.js'), 'neutral');
  const sdk = await bundle(require.resolve('twilio'), 'node');
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
  )[0];
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const seen = new Set();
  const ourDependencies = Object.keys(manifest.dependencies).reduce(
    (sum, name) => sum + installedBytes(name, root, seen),
    0,
  );
  const install = { ours: packed.unpackedSize + ourDependencies, sdk: installedBytes('twilio') };
  log(`size: ours ${ours} B min+gz, SDK ${sdk} B; install ours ${install.ours} B, SDK ${install.sdk} B`);
  return { ours, sdk, install };
}

/** 4. Cold start: medians of `coldRuns` runs each, interleaved. */
function coldStart() {
  const scratch = mkdtempSync(join(os.tmpdir(), 'cold-'));
  const commands = {
    'node -e 0': ['-e', '0'],
    "import('whatsapp-senders')": ['-e', "import('whatsapp-senders')"],
    "require('twilio')": ['-e', "require('twilio')"],
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  try {
    for (let run = 0; run < coldRuns; run++) {
      for (const [name, args] of Object.entries(commands)) {
        const started = performance.now();
        const result = spawnSync(process.execPath, args, { cwd: root });
        if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
        times[name].push(performance.now() - started);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const medians = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
  log(
    `cold start: ${Object.entries(medians)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
      .join(', ')}`,
  );
  return medians;
}

/** 5. Tooling: the contract suite (Prism start included) and `npm run generate`, wall time. */
function tooling() {
  const timed = (args) => {
    const started = performance.now();
    const result = spawnSync('npm', args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    return (performance.now() - started) / 1000;
  };
  const generate = timed(['run', 'generate', '--silent']);
  const contract = quick ? Number.NaN : timed(['run', 'test:contract', '--silent']);
  log(`tooling: generate ${generate.toFixed(2)} s, contract suite ${contract.toFixed(1)} s`);
  return { generate, contract };
}

const machine = `${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.arch()}, Node ${process.version}`;
log(`machine: ${machine}`);
const began = performance.now();
const requests = await perRequest();
const walks = await walking();
const sizes = await size();
const cold = coldStart();
const tools = tooling();
const seconds = (performance.now() - began) / 1000;

const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : 'missed');
const ours = 'whatsapp-senders';
const rows = [];
for (const op of ['get', 'create', 'list']) {
  const r = requests[op];
  rows.push([
    `${op}: median µs per call (raw fetch / fetch + timeout / openapi-fetch / ours / SDK)`,
    [r['raw fetch'], r['fetch + timeout'], r['openapi-fetch'], r[ours], r['official SDK']]
      .map((v) => v.toFixed(0))
      .join(' / '),
    '',
    '',
  ]);
  const vsFetch = r[ours] / r['raw fetch'];
  const vsSdk = r[ours] / r['official SDK'];
  rows.push([`${op}: ours vs raw fetch`, ratio(r[ours], r['raw fetch']), '≤ 1.10×', verdict(vsFetch <= 1.1)]);
  rows.push([`${op}: ours vs fetch with a timeout signal`, ratio(r[ours], r['fetch + timeout']), '', '']);
  rows.push([`${op}: ours vs the official SDK`, ratio(r[ours], r['official SDK']), '≤ 0.8×', verdict(vsSdk <= 0.8)]);
}
const rate = (walk) => `${Math.round(walk.senders / (walk.ms / 1000)).toLocaleString('en')} senders/s`;
rows.push([`iterate() over ${walks.ours.senders.toLocaleString('en')} senders`, rate(walks.ours), '', '']);
rows.push([`SDK each() over ${walks.sdk.senders.toLocaleString('en')} senders`, rate(walks.sdk), '', '']);
rows.push([
  'iterate() RSS growth',
  `${walks.ours.rssGrowthMB.toFixed(1)} MB`,
  '≤ 20 MB',
  verdict(walks.ours.rssGrowthMB <= 20),
]);
rows.push(['SDK each() RSS growth', `${walks.sdk.rssGrowthMB.toFixed(1)} MB`, '', '']);
rows.push([
  'raw fetch + JSON.parse over the same pages: RSS growth (the floor)',
  `${walks.raw.rssGrowthMB.toFixed(1)} MB`,
  '',
  '',
]);
rows.push([
  'bundle, min+gz: ours',
  `${sizes.ours.toLocaleString('en')} B`,
  '≤ 6 KB (6,144 B)',
  verdict(sizes.ours <= 6144),
]);
rows.push(['bundle, min+gz: official SDK', `${sizes.sdk.toLocaleString('en')} B`, '', '']);
rows.push([
  'install footprint (npm pack unpacked + production dependencies)',
  `ours ${(sizes.install.ours / 2 ** 20).toFixed(2)} MB, SDK ${(sizes.install.sdk / 2 ** 20).toFixed(2)} MB`,
  '',
  '',
]);
const baseline = cold['node -e 0'];
const ourImport = cold["import('whatsapp-senders')"] - baseline;
rows.push([
  "cold import('whatsapp-senders') over node -e 0",
  `${ourImport.toFixed(1)} ms`,
  '≤ 30 ms',
  verdict(ourImport <= 30),
]);
rows.push(["cold require('twilio') over node -e 0", `${(cold["require('twilio')"] - baseline).toFixed(1)} ms`, '', '']);
rows.push(['node -e 0', `${baseline.toFixed(1)} ms`, '', '']);
rows.push(['contract suite, Prism start included', `${tools.contract.toFixed(1)} s`, '', '']);
rows.push(['npm run generate', `${tools.generate.toFixed(2)} s`, '', '']);

const table = [
  '| figure | value | target | |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
const report = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, in ${seconds.toFixed(0)} s.

Machine: ${machine}.

${table}

- Per request: a local \`node:http\` server in its own process answers a prepared Sender; ${callsPerClient} sequential calls per client and operation after ${warmup} of warm-up, in interleaved rounds of 20 (raw fetch, fetch with an \`AbortSignal.timeout\`, openapi-fetch, ours, SDK, again). Ours runs as shipped, with validation and retries on; the SDK keeps its own HTTP client (axios, keep-alive on), only sent to the local server, with snake_case keys.
- Walking: ${walkPages} pages of 100 from a local server, each walker in a process of its own (raw: fetch and JSON.parse alone, the floor); RSS growth is the peak over the start, sampled every 10 ms.
- Size: each package's entry bundled by esbuild, minified and gzipped (ours for any platform, the SDK for Node). Install: \`npm pack\` unpacked size plus the production dependencies as installed.
- Cold start: medians of ${coldRuns} runs of each command, interleaved.
`;
writeFileSync(join(root, 'bench', 'RESULTS.md'), report);
console.log(report);
