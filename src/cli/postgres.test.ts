// `apply --journal postgres://…`: the built CLI (dist/cli.js, rebuilt when stale) in processes of
// its own, sharing one real PostgreSQL server (src/test/postgres.ts) and the sandbox as the Senders
// service (src/test/fleet-service.ts). A process killed with SIGKILL; the server restarted mid-run;
// bad input refused with nothing sent and no password shown.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fromDist } from '../test/build.js';
import { fixture } from '../test/fleet-fixtures.js';
import { type FleetService, startFleetService } from '../test/fleet-service.js';
import { startPostgres } from '../test/postgres.js';

const cli = await fromDist('cli.js');
const server = await startPostgres();
const services: FleetService[] = [];
afterAll(async () => {
  await Promise.all(services.map((service) => service.close()));
});

interface Run {
  child: ChildProcess;
  ended: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
}

/** Starts `whatsapp-senders --base-url <svc> <args>` with the fleet's tokens (and `env`). */
function start(svc: FleetService, fx: ReturnType<typeof fixture>, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, '--base-url', svc.url, ...args], {
    env: { ...process.env, ...fx.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout = (stdout + chunk).slice(-100_000);
  });
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-100_000);
  });
  const ended = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, ended } satisfies Run;
}

async function setUp(accounts: number, senders: number, options: Partial<Parameters<typeof startFleetService>[0]>) {
  const fx = fixture(accounts, senders);
  const svc = await startFleetService({ accounts: fx.credentials, ...options });
  services.push(svc);
  const dir = await mkdtemp(join(tmpdir(), 'fleet-postgres-'));
  const file = join(dir, 'fleet.yaml');
  await writeFile(file, stringify(fx.data));
  return { fx, svc, file };
}

let schemas = 0;
const freshSchema = () => `cli${++schemas}_${process.pid}`;
const writesOf = (svc: FleetService) => svc.log.filter((entry) => entry.method !== 'GET').length;

/** Each sender of the file exists once in its account, and was created once. */
function convergedOnce(fx: ReturnType<typeof fixture>, svc: FleetService) {
  for (const sender of fx.fleet.senders) {
    const accountSid = fx.sidOf(sender.account);
    const ids = [...svc.sendersOf(accountSid).values()].map((s) => s.sender_id);
    expect(ids.filter((id) => id === sender.body.sender_id)).toHaveLength(1);
    expect(svc.createsOf(accountSid, sender.body.sender_id)).toBe(1);
  }
}

describe('runs on several hosts share one store', () => {
  it('two processes apply one fleet, one is killed (SIGKILL) mid-run: they converge with no duplicate, and a later apply sends no write', async () => {
    const { fx, svc, file } = await setUp(6, 60, { latencyMs: 20, lostAnswerShare: 0.05, seed: Date.now() % 1e6 });
    const schema = freshSchema();
    const args = ['apply', file, '--yes', '--timeout', '1', '--accounts-at-once', '2', '--journal-schema', schema];
    // One names the store by its flag, the other by the variable (a URL kept out of argv).
    const a = start(svc, fx, [...args, '--journal', server.url]);
    const b = start(svc, fx, args, { WHATSAPP_SENDERS_JOURNAL: server.url });
    // Killed at a create, at a point in the first half of the run (60 creates) that the test does not choose.
    const killAt = 5 + Math.floor(Math.random() * 25);
    let creates = 0;
    svc.onCreate = () => {
      if (++creates === killAt) a.child.kill('SIGKILL');
    };
    const [killed, survivor] = await Promise.all([a.ended, b.ended]);
    expect(killed.signal).toBe('SIGKILL');
    if (survivor.code !== 0) console.error(survivor.stderr);
    expect(survivor.code).toBe(0);
    expect(survivor.stderr + survivor.stdout).not.toContain(server.password);
    convergedOnce(fx, svc);
    const writes = writesOf(svc);
    const later = await start(svc, fx, [...args, '--journal', server.url]).ended;
    expect(later.code).toBe(0);
    expect(later.stderr).toContain('Nothing to do');
    expect(writesOf(svc)).toBe(writes);
    expect(await server.sql(`SELECT count(*)::int AS n FROM "${schema}".creates_in_doubt`)).toEqual([{ n: 0 }]);
  }, 120_000);
});

describe('the server restarted during an apply', () => {
  it('stops the run with a clear error and exit 1; the next run converges with no duplicate', async () => {
    const { fx, svc, file } = await setUp(3, 45, { latencyMs: 20, lostAnswerShare: 0.05, seed: Date.now() % 1e6 });
    const report = join(dirname(file), 'report.json');
    const args = ['apply', file, '--yes', '--timeout', '1', '--journal', server.url, '--journal-schema', freshSchema()];
    let restarting: Promise<void> | undefined;
    let creates = 0;
    svc.onCreate = () => {
      if (++creates === 15) restarting = server.restart();
    };
    const stopped = await start(svc, fx, [...args, '--report', report]).ended;
    await restarting;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      /error: the connection to the journal postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres \(schema \w+\) was lost \(.+\): no write was sent after it/,
    );
    expect(stopped.stderr).not.toContain(server.password);
    expect(creates).toBeLessThan(fx.fleet.senders.length);
    // The report says what was done before the end, and why it ended.
    const written = JSON.parse(await readFile(report, 'utf8'));
    expect(written.ok).toBe(false);
    expect(written.error.message).toContain('was lost');
    expect(written.entries.filter((entry: { result: string }) => entry.result === 'created').length).toBeGreaterThan(0);
    expect(JSON.stringify(written)).not.toContain(server.password);
    svc.onCreate = () => {};
    const next = await start(svc, fx, args).ended;
    if (next.code !== 0) console.error(next.stderr);
    expect(next.code).toBe(0);
    convergedOnce(fx, svc);
  }, 120_000);
});

describe('a password in the URL', () => {
  it('never reaches the output of a run that converges, in a parameter or before the host', async () => {
    const { fx, svc, file } = await setUp(1, 2, {});
    const schema = freshSchema();
    const inQuery = `${server.url.replace(`:${server.password}@`, '@')}?password=${server.password}`;
    for (const url of [inQuery, server.url]) {
      const ended = await start(svc, fx, ['apply', file, '--yes', '--journal', url, '--journal-schema', schema]).ended;
      expect(ended.code).toBe(0);
      expect(ended.stdout + ended.stderr).not.toContain(server.password);
    }
    // The senders wait for their code: the hint to go on names the journal, its password masked.
    const again = await start(svc, fx, ['apply', file, '--yes', '--journal', inQuery, '--journal-schema', schema])
      .ended;
    expect(again.stdout).toContain('password=***');
    expect(again.stdout).not.toContain(server.password);
  });
});

describe('plan', () => {
  it('reads the creates in doubt of a PostgreSQL journal, holding no account, and writes nothing', async () => {
    const { fx, svc, file } = await setUp(2, 4, {});
    const schema = freshSchema();
    const planned = await start(svc, fx, ['plan', file, '--journal', server.url, '--journal-schema', schema]).ended;
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/create\s+a0\s+whatsapp:\+15550000000/);
    expect(writesOf(svc)).toBe(0);
    const runs = await server.sql(`SELECT type FROM "${schema}".journal`);
    expect(runs).toEqual([{ type: 'run' }]);
  });

  it('--journal-schema without a PostgreSQL journal: exit 2, nothing sent', async () => {
    const { fx, svc, file } = await setUp(1, 1, {});
    const ended = await start(svc, fx, ['apply', file, '--yes', '--journal-schema', 'x']).ended;
    expect(ended.code).toBe(2);
    expect(ended.stderr).toContain('--journal-schema names the schema of a PostgreSQL journal');
    expect(svc.requests).toBe(0);
  });
});

describe('bad input: its message, exit 2, nothing sent, no password shown', () => {
  const cases: [string, () => { args: string[]; env?: Record<string, string> }, RegExp][] = [
    [
      'an unreachable server',
      () => ({ args: ['--journal', `postgres://postgres:${server.password}@127.0.0.1:1/postgres`] }),
      /^error: --journal: cannot reach the journal database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres \(connect ECONNREFUSED 127\.0\.0\.1:1\); nothing was sent$/m,
    ],
    [
      'a wrong password',
      () => ({ args: ['--journal', server.wrongPasswordUrl] }),
      /^error: --journal: the journal database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres refused the login \(28P01: password authentication failed for user "postgres"\); nothing was sent$/m,
    ],
    [
      'a malformed URL',
      () => ({ args: ['--journal', `postgres://u:${server.password}@host:port/db`] }),
      /^error: --journal: postgres:\/\/u:\*\*\*@host:port\/db cannot be read as a URL \(check its host and port; a user name or password holding \/ # \? @ : or % must be percent-encoded\); nothing was sent$/m,
    ],
    [
      'a malformed URL from the variable',
      () => ({ args: [], env: { WHATSAPP_SENDERS_JOURNAL: `postgresql://u:${server.password}@[::1/db` } }),
      /^error: WHATSAPP_SENDERS_JOURNAL: postgresql:\/\/u:\*\*\*@\[::1\/db cannot be read as a URL \(.+\); nothing was sent$/m,
    ],
    [
      'a malformed URL with its password in the query',
      () => ({ args: ['--journal', `postgres://postgres@127.0.0.1:notaport/postgres?password=${server.password}`] }),
      /^error: --journal: postgres:\/\/postgres@127\.0\.0\.1:notaport\/postgres\?password=\*\*\* cannot be read as a URL/m,
    ],
    [
      'a key=value connection string',
      () => ({ args: ['--journal', `postgres://x host=127.0.0.1 password='${server.password} x' user=postgres`] }),
      /^error: --journal: postgres:\/\/x host=127\.0\.0\.1 password=\*\*\* user=postgres cannot be read as a URL/m,
    ],
    [
      'a client certificate that is not there',
      () => ({ args: ['--journal', `${server.url}?sslcert=/nonexistent/cert&sslkey=/nonexistent/key`] }),
      /^error: --journal: the journal database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres failed \(ENOENT: .*\/nonexistent\/.*\); nothing was sent$/m,
    ],
    [
      'a schema newer than the code',
      () => ({ args: ['--journal', server.url, '--journal-schema', 'newer'] }),
      /^error: --journal: the journal's tables in schema newer have version 2; this whatsapp-senders knows version 1: upgrade whatsapp-senders, or name another schema; nothing was sent$/m,
    ],
    [
      'a schema name that is not one',
      () => ({ args: ['--journal', server.url, '--journal-schema', 'a-b'] }),
      /^error: --journal-schema a-b: must be letters, digits and _, 63 at most, not starting with a digit; nothing was sent$/m,
    ],
  ];
  it.each(cases)('%s', async (_name, given, message) => {
    await server.sql('CREATE SCHEMA IF NOT EXISTS newer');
    await server.sql('CREATE TABLE IF NOT EXISTS newer.meta (key text PRIMARY KEY, value text NOT NULL)');
    await server.sql("INSERT INTO newer.meta VALUES ('schema_version', '2') ON CONFLICT DO NOTHING");
    const { fx, svc, file } = await setUp(1, 2, {});
    const { args, env } = given();
    const ended = await start(svc, fx, ['apply', file, '--yes', ...args], env).ended;
    expect(ended.stderr).toMatch(message);
    expect(ended.code).toBe(2);
    expect(svc.requests).toBe(0);
    expect(ended.stderr + ended.stdout).not.toContain(server.password);
  });
});
