#!/usr/bin/env node
// `npm run bench:fleet` (and the end of `npm run bench`): the bulk job, timed and weighed.
// 1. Wall time of applyFleet for 1,000 senders across 10 accounts against a naive sequential loop
//    of create() calls, at the same sandbox latency (50 ms a request).
// 2. Peak RSS of the CLI's `apply` for 10,000 senders in a YAML file, the sandbox in another process.
// Writes the section "Fleet" of bench/RESULTS.md (after run.mjs, which rewrites the file).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { applyFleet, checkFleet } from '../dist/fleet.js';
import { createSendersClient } from '../dist/index.js';
import { startSandbox } from '../dist/testing.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const latencyMs = 50;
const speedSenders = quick ? 200 : 1_000;
const memorySenders = quick ? 2_000 : 10_000;
const accounts = 10;
const log = (line) => process.stderr.write(`${line}\n`);

/** A fleet of `count` senders over `accounts` accounts, each account with its own token. */
function fleetOf(count) {
  const data = { accounts: {}, senders: [] };
  const env = {};
  const tokens = {};
  for (let a = 0; a < accounts; a++) {
    const sid = `AC${(a + 1).toString(16).padStart(32, '0')}`;
    data.accounts[`customer${a}`] = { accountSid: sid, authTokenEnv: `BENCH_TOKEN_${a}` };
    env[`BENCH_TOKEN_${a}`] = `bench-token-${a}`;
    tokens[sid] = `bench-token-${a}`;
  }
  for (let i = 0; i < count; i++) {
    data.senders.push({
      account: `customer${i % accounts}`,
      sender_id: `whatsapp:+1555${String(i).padStart(7, '0')}`,
      profile: {
        name: `Customer ${i % accounts} line ${i}`,
        vertical: 'Automotive',
        websites: ['https://example.com'],
      },
      webhook: { callback_url: `https://hooks.example.com/${i}`, callback_method: 'POST' },
      configuration: { waba_id: '1234567890' },
    });
  }
  return { data, env, tokens };
}

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
const { naiveMs, fleetMs, most, boundMs } = await speed();
const { peakBytes, ms, bytes } = await memory();
const verdict = (ok) => (ok ? 'met' : 'missed');
const rows = [
  [
    `naive sequential create() loop, ${speedSenders.toLocaleString('en')} senders, ${latencyMs} ms latency`,
    `${(naiveMs / 1000).toFixed(1)} s`,
    '',
    '',
  ],
  [
    `applyFleet, the same senders over ${accounts} accounts (concurrency 4 each)`,
    `${(fleetMs / 1000).toFixed(1)} s`,
    '',
    '',
  ],
  ['applyFleet vs the naive loop', `${(naiveMs / fleetMs).toFixed(1)}× faster`, '', ''],
  [
    `applyFleet against its latency bound (${boundMs} ms: one list page and ⌈creates ÷ 4⌉ rounds, the slowest account)`,
    `${(fleetMs / boundMs).toFixed(2)}×`,
    '≤ 1.25×',
    verdict(fleetMs / boundMs <= 1.25),
  ],
  ['most requests in flight on one account', String(most), '≤ 4', verdict(most <= 4)],
  [
    `CLI apply, ${memorySenders.toLocaleString('en')} senders in a ${(bytes / 1e6).toFixed(1)} MB YAML file: peak RSS`,
    `${(peakBytes / 1e6).toFixed(1)} MB (${(peakBytes / 2 ** 20).toFixed(1)} MiB)`,
    '< 150 MB',
    verdict(peakBytes < 150e6),
  ],
  [
    `CLI apply, ${memorySenders.toLocaleString('en')} senders, no latency: wall time`,
    `${(ms / 1000).toFixed(1)} s`,
    '',
    '',
  ],
];
const section = [
  '## Fleet',
  '',
  `Written by \`npm run bench:fleet\` (bench/fleet.mjs) on ${new Date().toISOString().slice(0, 10)}${quick ? ' (--quick)' : ''}; Node ${process.version}, ${os.cpus().length} cores.`,
  '',
  '| figure | value | target | |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  `- Speed: the sandbox (whatsapp-senders/testing, no Prism in front) with ${accounts} accounts kept apart and ${latencyMs} ms before each answer. The naive loop awaits each create() in file order, one client per account; applyFleet reads each account first (one list call each), then creates within its per-account ceiling, every create journalled (fdatasync) before it is sent.`,
  "- Memory: the built CLI (`whatsapp-senders apply fleet.yaml --yes`) in a process of its own, against a sandbox in this one; peak RSS is the process's maxRSS at exit.",
  '',
].join('\n');
const results = join(root, 'bench', 'RESULTS.md');
let text = '';
try {
  text = readFileSync(results, 'utf8');
} catch {}
// Its own section only: "## Fleet at scale" (bench/fleet-scale.mjs) and any other after it stay.
const start = text.indexOf('## Fleet\n');
const next = start >= 0 ? text.indexOf('\n## ', start + 1) : -1;
const kept = start >= 0 ? text.slice(0, start).trimEnd() : text.trimEnd();
const after = next >= 0 ? `\n${text.slice(next + 1).trimEnd()}\n` : '';
writeFileSync(results, `${kept ? `${kept}\n\n` : ''}${section}${after}`);
console.log(section);
if (peakBytes >= 150e6 || most > 4) process.exitCode = 1;
