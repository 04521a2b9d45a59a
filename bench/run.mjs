#!/usr/bin/env node
// `npm run bench`: this client side by side with raw fetch, bare openapi-fetch and the official
// SDK, on this machine; writes bench/results.json (keeping its `fleet`, which bench/fleet.mjs writes),
// where the README's figures come from (`npm run figures`). See README, "Performance".
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { updateReadme } from '../scripts/figures.mjs';
import { installedBytes } from '../scripts/size.mjs';
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

/** 3. The SDK's size (ours is `npm run size`'s): bundled by esbuild, minified and gzipped; and installed. */
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
  const sdk = { bundle: await bundle(require.resolve('twilio'), 'node'), installed: installedBytes('twilio') };
  log(`size: SDK ${sdk.bundle} B min+gz, ${sdk.installed} B installed`);
  return sdk;
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

const file = join(root, 'bench', 'results.json');
const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
const results = {
  date: new Date().toISOString().slice(0, 10),
  ...(quick ? { quick } : {}),
  seconds: Math.round(seconds),
  machine,
  settings: { callsPerClient, warmup, walkPages, coldRuns },
  perRequest: requests,
  walk: walks,
  sdk: sizes,
  coldStart: cold,
  tooling: tools,
  ...(previous.fleet ? { fleet: previous.fleet } : {}),
};
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log('wrote bench/results.json');
updateReadme();
