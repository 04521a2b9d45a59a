// `plan` and `apply` with accounts that fail, questions answered from a pipe, a journal held by
// another run, and what they print: the built CLI in a process of its own, against the sandbox.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createSendersClient } from '../client.js';
import { fromDist } from '../test/build.js';
import { fixture } from '../test/fleet-fixtures.js';
import type { BareSandbox } from '../testing/options.js';
import { startBareSandbox } from '../testing/server.js';

// Built first (outside a test's timeout) when dist/ is older than src/.
const cli = await fromDist('cli.js');
const fx = fixture(2, 6);
const tokens = Object.fromEntries(Object.entries(fx.credentials).map(([sid, { password }]) => [sid, password]));
let sandbox: BareSandbox;
let dir: string;
let file: string;
beforeEach(async () => {
  sandbox = await startBareSandbox({ accounts: tokens });
  dir = await mkdtemp(join(tmpdir(), 'fleet-accounts-'));
  file = join(dir, 'fleet.yaml');
  await writeFile(file, stringify(fx.data));
});
afterEach(() => sandbox.close());

/** Starts the CLI with the fixture's variables, and `env` over them (undefined unsets one). */
function start(args: string[], env: Record<string, string | undefined> = {}) {
  expect(existsSync(cli), `${cli} is missing: npm run build first`).toBe(true);
  const child = spawn(process.execPath, [cli, ...args, '--base-url', sandbox.url], {
    env: Object.fromEntries(Object.entries({ ...process.env, ...fx.env, ...env }).filter(([, v]) => v !== undefined)),
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    out.stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out.stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, ...out })),
  );
  return { child, out, done };
}

function run(
  args: string[],
  { input = '', env = {} }: { input?: string; env?: Record<string, string | undefined> } = {},
) {
  const started = start(args, env);
  started.child.stdin.end(input);
  return started.done;
}

async function until(child: ChildProcessWithoutNullStreams, out: { stderr: string }, text: string) {
  while (!out.stderr.includes(text)) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before "${text}": ${out.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('an account that fails', () => {
  it('fails alone in plan and apply: exit 1, named with its variable and the error; the other account converges', async () => {
    const env = { FLEET_TEST_TOKEN_1: 'rotated' };
    const plan = await run(['plan', file], { env });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/^create\s+a0\s+whatsapp:\+15550000000/m);
    expect(plan.stdout).toContain('a1: failed (credentials, FLEET_TEST_TOKEN_1): not planned');
    expect(plan.stderr).toContain(`${file}: 1 of 2 accounts failed (a1); the others were planned`);
    // Why, in the fleet file's form, as apply says it; with --json too (stdout keeps the entries).
    const why = new RegExp(
      `^${file}: accounts\\.a1\\.authTokenEnv: FLEET_TEST_TOKEN_1 was refused: 401 \\(20003: `,
      'm',
    );
    expect(plan.stderr).toMatch(why);
    const asJson = await run(['plan', file, '--json'], { env });
    expect(asJson.code).toBe(1);
    expect(asJson.stderr).toMatch(why);
    expect(JSON.parse(asJson.stdout).map((entry: { account: string }) => entry.account)).toEqual(['a0', 'a0', 'a0']);
    const applied = await run(['apply', file, '--yes'], { env });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(
      new RegExp(`^${file}: accounts\\.a1\\.authTokenEnv: FLEET_TEST_TOKEN_1 was refused: 401 \\(20003: `, 'm'),
    );
    expect(applied.stdout).toMatch(/^a0\s+ok\s+3\s/m);
    expect(applied.stdout).toMatch(/^a1\s+failed \(credentials\)\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+3\s/m);
    expect(sandbox.sendersOf(fx.sidOf('a0')).size).toBe(3);
    expect(applied.stderr + applied.stdout).not.toContain('rotated');
  });

  it('whose variable is unset is one line in the fleet file form; none set: nothing was sent', async () => {
    const none = await run(['apply', file, '--yes'], {
      env: { FLEET_TEST_TOKEN_0: undefined, FLEET_TEST_TOKEN_1: undefined },
    });
    expect(none.code).toBe(1);
    const lines = none.stderr.trim().split('\n');
    expect(lines).toContain(`${file}: accounts.a0.authTokenEnv: FLEET_TEST_TOKEN_0 is not set`);
    expect(lines).toContain(`${file}: accounts.a1.authTokenEnv: FLEET_TEST_TOKEN_1 is not set`);
    expect(lines.at(-1)).toBe(`error: ${file}: 2 of 2 accounts failed (a0, a1); nothing was sent`);
    expect(sandbox.requests).toBe(0);
    // --report is written even so: every sender failed with its account, and the failures.
    const report = join(dir, 'report.json');
    const reported = await run(['apply', file, '--yes', '--report', report], {
      env: { FLEET_TEST_TOKEN_0: undefined, FLEET_TEST_TOKEN_1: undefined },
    });
    expect(reported.code).toBe(1);
    const written = JSON.parse(await readFile(report, 'utf8'));
    expect(written.ok).toBe(false);
    expect(written.failures.map((failure: { account: string }) => failure.account)).toEqual(['a0', 'a1']);
    expect(written.entries.map((entry: { result: string }) => entry.result)).toEqual(Array(6).fill('failed'));
    expect(sandbox.requests).toBe(0);
  });
});

describe('questions', () => {
  it('read a line each from a pipe: y, y applies and prunes', async () => {
    const extra = createSendersClient({
      accountSid: fx.sidOf('a0'),
      authToken: tokens[fx.sidOf('a0')] ?? '',
      baseUrl: sandbox.url,
    });
    const made = await extra.create({ sender_id: 'whatsapp:+16660000000', profile: { name: 'Extra' } });
    const { code, stderr } = await run(['apply', file, '--prune'], { input: 'y\ny\n' });
    expect(code).toBe(0);
    expect(stderr).toContain('Delete these 1 senders');
    expect(sandbox.sendersOf(fx.sidOf('a0')).has(made.sid)).toBe(false);
    // The extra, then the file's six.
    expect(sandbox.traffic.totalCreates).toBe(7);
  });

  it('say when the input ends before an answer, exit non-zero, and send nothing', async () => {
    const extra = createSendersClient({
      accountSid: fx.sidOf('a0'),
      authToken: tokens[fx.sidOf('a0')] ?? '',
      baseUrl: sandbox.url,
    });
    const made = await extra.create({ sender_id: 'whatsapp:+16660000000', profile: { name: 'Extra' } });
    const writes = sandbox.traffic.writes;
    const { code, stderr } = await run(['apply', file, '--prune'], { input: 'y\n' });
    expect(code).toBe(2);
    expect(stderr).toContain('the input ended before the answer');
    expect(sandbox.traffic.writes).toBe(writes);
    expect(sandbox.sendersOf(fx.sidOf('a0')).has(made.sid)).toBe(true);
  });
});

describe('the journal', () => {
  it('is held from before the plan: a second apply meanwhile is refused, and the first creates each sender once', async () => {
    const first = start(['apply', file]);
    let second: Awaited<ReturnType<typeof run>>;
    try {
      await until(first.child, first.out, '[y/N]');
      second = await run(['apply', file, '--yes']);
    } finally {
      first.child.stdin.end('y\n');
    }
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('another apply (pid');
    expect((await first.done).code).toBe(0);
    expect(sandbox.traffic.totalCreates).toBe(6);
    expect(Math.max(...sandbox.traffic.creates.values())).toBe(1);
  });

  it.runIf(existsSync('/dev/zero'))(
    'that is not a regular file is refused with exit 2, before anything is sent',
    async () => {
      const { code, stderr } = await run(['apply', file, '--yes', '--journal', '/dev/zero']);
      expect(code).toBe(2);
      expect(stderr).toContain('--journal /dev/zero: is not a regular file; nothing was sent');
      expect(sandbox.requests).toBe(0);
    },
  );
});

describe('what apply prints', () => {
  it('hints with the flags in use, and aligns the senders waiting for a code', async () => {
    const journal = join(dir, 'my journal.jsonl');
    const report = join(dir, 'out.json');
    const { code, stdout } = await run(['apply', file, '--yes', '--journal', journal, '--report', report]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `  whatsapp-senders apply ${file} --codes codes.csv --base-url ${sandbox.url} --journal '${journal}' --report ${report}`,
    );
    const waiting = stdout.split('\n').filter((line) => /XE[0-9a-f]{32}$/.test(line));
    expect(waiting).toHaveLength(6);
    expect(new Set(waiting.map((line) => line.indexOf('XE'))).size).toBe(1);
    expect(new Set(waiting.map((line) => line.indexOf('whatsapp:'))).size).toBe(1);
  });

  it("escapes the control characters of an account's name", async () => {
    const data = structuredClone(fx.data) as { accounts: Record<string, unknown>; senders: { account: string }[] };
    data.accounts['a0\u001b[31m'] = data.accounts.a0;
    delete data.accounts.a0;
    for (const sender of data.senders) if (sender.account === 'a0') sender.account = 'a0\u001b[31m';
    await writeFile(file, JSON.stringify(data));
    const { code, stdout, stderr } = await run(['apply', file, '--yes']);
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain('\u001b');
    expect(stdout).toContain('a0%1B[31m');
  });
});
