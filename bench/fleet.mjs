#!/usr/bin/env node
// `npm run bench:fleet` (and the end of `npm run bench`): the bulk job, timed and weighed.
// 1. Wall time of applyFleet for 1,000 senders across 10 accounts against a naive sequential loop
//    of create() calls, at the same sandbox latency (50 ms a request).
// 2. Peak RSS of the CLI's `apply` for 10,000 senders in a YAML file, the sandbox in another process.
// Writes `fleet` in bench/results.json, where the README's figures come from (`npm run figures`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { applyFleet, checkFleet } from '../dist/fleet.js';
import { createSendersClient } from '../dist/index.js';
import { startSandbox } from '../dist/testing.js';
import { updateReadme } from '../scripts/figures.mjs';
import { fleetOf as fleetData } from './fleet-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const latencyMs = 50;
const speedSenders = quick ? 200 : 1_000;
const memorySenders = quick ? 2_000 : 10_000;
const accounts = 10;
const log = (line) => process.stderr.write(`${line}\n`);
/** The fleet this bench has always measured: websites and a WABA id besides. */
const fleetOf = (count) =>
  fleetData(count, accounts, {
    senderId: (i) => `whatsapp:+1555${String(i).padStart(7, '0')}`,
    more: () => ({ profile: { websites: ['https://example.com'] }, configuration: { waba_id: '1234567890' } }),
  });

async function speed() {
  const { data, env, tokens } = fleetOf(speedSenders);
  const fleet = checkFleet(data);
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-fleet-'));
  // The naive loop: one create after another, a client per account.
  let sandbox = await startSandbox({ validate: false, accounts: tokens, latencyMs });
  const clients = new Map();
  let began = performance.now();
  for (const sender of fleet.senders) {
    const sid = data.accounts[sender.account].accountSid;
    if (!clients.has(sid))
      clients.set(sid, createSendersClient({ accountSid: sid, authToken: tokens[sid], baseUrl: sandbox.url }));
    await clients.get(sid).create(sender.body);
  }
  const naiveMs = performance.now() - began;
  await sandbox.close();
  log(`naive loop: ${(naiveMs / 1000).toFixed(1)} s`);
  sandbox = await startSandbox({ validate: false, accounts: tokens, latencyMs });
  began = performance.now();
  const report = await applyFleet(fleet, { baseUrl: sandbox.url, env, journal: join(dir, 'journal.jsonl') });
  const fleetMs = performance.now() - began;
  const most = Math.max(...sandbox.traffic.highWater.values());
  await sandbox.close();
  if (!report.ok) throw new Error('applyFleet did not converge');
  // The latency bound: the slowest account's reads (one list page of 200) and its creates in rounds of 4.
  const perAccount = Math.ceil(speedSenders / accounts);
  const boundMs = (Math.ceil(perAccount / 200) + Math.ceil(perAccount / 4)) * latencyMs;
  log(
    `applyFleet: ${(fleetMs / 1000).toFixed(2)} s, ${(fleetMs / boundMs).toFixed(2)}× the latency bound (${boundMs} ms)`,
  );
  return { naiveMs, fleetMs, most, boundMs };
}

/** Runs the built CLI's apply on `count` senders; its peak RSS (maxRSS at exit) and its wall time. */
async function memory() {
  const { data, env, tokens } = fleetOf(memorySenders);
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-fleet-'));
  const file = join(dir, 'fleet.yaml');
  writeFileSync(file, stringify(data));
  const sandbox = await startSandbox({ validate: false, accounts: tokens });
  const rssFile = join(dir, 'rss');
  const hook = join(dir, 'rss.cjs');
  writeFileSync(
    hook,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
  );
  const began = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--require', hook, join(root, 'dist', 'cli.js'), '--base-url', sandbox.url, 'apply', file, '--yes'],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    child.once('exit', resolve);
  });
  const ms = performance.now() - began;
  await sandbox.close();
  if (code !== 0) throw new Error(`apply exited ${code}`);
  // maxRSS is in KiB.
  const peakBytes = Number(readFileSync(rssFile, 'utf8')) * 1024;
  log(`apply of ${memorySenders} senders: ${(peakBytes / 1e6).toFixed(1)} MB peak RSS, ${(ms / 1000).toFixed(1)} s`);
  return { peakBytes, ms, bytes: readFileSync(file).length };
}

if (process.argv.includes('--scale')) {
  await import('./fleet-scale.mjs');
  process.exit();
}
const { naiveMs, fleetMs, most } = await speed();
const { peakBytes, ms, bytes } = await memory();
const file = join(root, 'bench', 'results.json');
const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
results.fleet = {
  date: new Date().toISOString().slice(0, 10),
  quick,
  node: process.version,
  cores: os.cpus().length,
  settings: { latencyMs, speedSenders, accounts, memorySenders },
  naiveMs,
  fleetMs,
  most,
  peakBytes,
  applyMs: ms,
  yamlBytes: bytes,
};
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
updateReadme();
log(
  `fleet: naive ${(naiveMs / 1000).toFixed(1)} s, applyFleet ${(fleetMs / 1000).toFixed(1)} s; apply peak RSS ${(peakBytes / 1e6).toFixed(1)} MB; wrote bench/results.json`,
);
if (peakBytes >= 150e6 || most > 4) process.exitCode = 1;
