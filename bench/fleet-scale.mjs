#!/usr/bin/env node
// `node bench/fleet.mjs --scale` (after a build): the fleet at scale. The built CLI's `apply --yes`
// in a process of its own against the sandbox in this one, for 100,000 senders over 1,000 accounts
// and over 2 accounts: time, the time of each 10,000 senders done, peak RSS above the CLI's base
// (a `plan` of one sender), and no duplicate (one create per sender, every sender in its account).
// Writes the section "Fleet at scale" of bench/RESULTS.md. `--senders N` for a smaller run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../dist/testing.js';
import { fleetOf } from './fleet-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--senders');
const total = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const step = Math.max(1, Math.round(total / 10));
const log = (line) => process.stderr.write(`${line}\n`);

/** Runs the CLI with `args`; its maxRSS at exit, its wall time, and when each `step`-th line of stderr came. */
async function cli(args, env, dir) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const hook = join(dir, 'rss.cjs');
  writeFileSync(
    hook,
    `process.on('exit', () => require('node:fs').writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));`,
  );
  const began = performance.now();
  const marks = [];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', hook, join(root, 'dist', 'cli.js'), ...args], {
      env: { ...process.env, ...env, RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let done = 0;
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (/^(created|failed) /.test(line) && ++done % step === 0) marks.push(performance.now() - began);
    });
    child.once('exit', resolve);
  });
  return { code, ms: performance.now() - began, peakBytes: Number(readFileSync(rssFile, 'utf8')) * 1024, marks };
}

async function run(accounts) {
  const { data, env, tokens } = fleetOf(total, accounts);
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-scale-'));
  const file = join(dir, 'fleet.json');
  writeFileSync(file, JSON.stringify(data));
  const one = join(dir, 'one.json');
  writeFileSync(one, JSON.stringify({ accounts: { customer0: data.accounts.customer0 }, senders: [data.senders[0]] }));
  const sandbox = await startSandbox({ validate: false, accounts: tokens });
  try {
    const base = await cli(['--base-url', sandbox.url, 'plan', one], env, dir);
    const applied = await cli(['--base-url', sandbox.url, 'apply', file, '--yes'], env, dir);
    const creates = [...sandbox.traffic.creates.values()];
    const duplicates = creates.filter((n) => n > 1).length;
    const stored = sandbox.senders.size;
    const perSender = (applied.peakBytes - base.peakBytes) / total;
    const per10k = applied.marks.map((mark, i) => mark - (applied.marks[i - 1] ?? 0));
    log(
      `${total} senders over ${accounts} accounts: exit ${applied.code}, ${(applied.ms / 1000).toFixed(1)} s, ` +
        `peak RSS ${(applied.peakBytes / 1e6).toFixed(0)} MB (base ${(base.peakBytes / 1e6).toFixed(0)} MB, ` +
        `${Math.round(perSender)} B a sender), stored ${stored}, creates ${sandbox.traffic.totalCreates}, duplicates ${duplicates}; ` +
        `each ${step}: ${per10k.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`,
    );
    return { accounts, ...applied, base: base.peakBytes, perSender, per10k, duplicates, stored };
  } finally {
    await sandbox.close();
  }
}

const results = [await run(1_000), await run(2)];
const rows = results.map((r) => [
  `${total.toLocaleString('en')} senders over ${r.accounts.toLocaleString('en')} accounts, CLI apply --yes`,
  `exit ${r.code}; ${(r.ms / 1000).toFixed(1)} s; ${r.stored.toLocaleString('en')} stored, ${r.duplicates} duplicates`,
  `peak RSS ${(r.peakBytes / 1e6).toFixed(0)} MB, ${(r.base / 1e6).toFixed(0)} MB base: ${Math.round(r.perSender).toLocaleString('en')} B a sender (target ≤ 2,048)`,
  r.per10k.map((ms) => (ms / 1000).toFixed(1)).join(' / '),
]);
const section = [
  '## Fleet at scale',
  '',
  `Written by \`node bench/fleet.mjs --scale\` (bench/fleet-scale.mjs) on ${new Date().toISOString().slice(0, 10)}; Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end (the machine was shared).`,
  '',
  `| run | outcome | memory | seconds for each ${step.toLocaleString('en')} senders done |`,
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  '- The built CLI in a process of its own, the sandbox (no Prism, no latency) in the bench process. Peak RSS is maxRSS at exit; the base is the same CLI running `plan` on a one-sender file.',
  '',
].join('\n');
const file = join(root, 'bench', 'RESULTS.md');
const text = readFileSync(file, 'utf8');
const start = text.indexOf('## Fleet at scale');
writeFileSync(file, `${(start >= 0 ? text.slice(0, start) : text).trimEnd()}\n\n${section}`);
console.log(section);
