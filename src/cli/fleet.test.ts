// `whatsapp-senders plan` and `apply` as a user runs them: the built CLI in a process of its own,
// against the sandbox with its accounts kept apart; a real pty (script) for the progress bar.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fromDist } from '../test/build.js';
import { fixture } from '../test/fleet-fixtures.js';
import type { BareSandbox } from '../testing/options.js';
import { startBareSandbox } from '../testing/server.js';

const cli = await fromDist('cli.js');
const fx = fixture(2, 6);
const tokens = Object.fromEntries(Object.entries(fx.credentials).map(([sid, { password }]) => [sid, password]));
let sandbox: BareSandbox;
let dir: string;
const sandboxes: BareSandbox[] = [];
afterAll(() => Promise.all(sandboxes.map((s) => s.close())));
beforeEach(async () => {
  sandbox = await startBareSandbox({ accounts: tokens });
  sandboxes.push(sandbox);
  dir = await mkdtemp(join(tmpdir(), 'fleet-cli-'));
  await writeFile(join(dir, 'fleet.yaml'), stringify(fx.data));
});

/** Runs the CLI; resolves to its exit code and output. */
function run(args: string[], { input = '', pty = 0 } = {}) {
  const argv = [cli, '--base-url', sandbox.url, ...args];
  // A real terminal of `pty` columns, through script(1).
  const quoted = argv.map((arg) => `'${arg}'`).join(' ');
  const child = pty
    ? spawn('script', ['-qfec', `stty cols ${pty}; '${process.execPath}' ${quoted}`, '/dev/null'], {
        env: { ...process.env, ...fx.env },
      })
    : spawn(process.execPath, argv, { env: { ...process.env, ...fx.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(input);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('whatsapp-senders plan and apply', () => {
  it('exits 2 on a bad fleet file, naming each bad entry by index and field, and sends nothing', async () => {
    const bad = structuredClone(fx.data);
    (bad.senders[1] as { profile: { use_case: string } }).profile.use_case = 'Cars';
    (bad.senders[4] as { account: string }).account = 'nobody';
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    const { code, stderr } = await run(['apply', join(dir, 'bad.json'), '--yes']);
    expect(code).toBe(2);
    expect(stderr).toContain('senders[1].profile.use_case: must be one of');
    expect(stderr).toContain('senders[4].account: names no account of the file');
    expect(stderr).toContain('2 problems; nothing was sent');
    expect(sandbox.requests).toBe(0);
  });

  it('exits 2 on a sender whose account is a member of Object.prototype, and sends nothing', async () => {
    const bad = structuredClone(fx.data);
    (bad.senders[0] as { account: string }).account = 'toString';
    (bad.senders[1] as { account: string }).account = 'constructor';
    (bad.senders[2] as { account: string }).account = 'hasOwnProperty';
    await writeFile(join(dir, 'proto.json'), JSON.stringify(bad));
    for (const command of ['plan', 'apply']) {
      const { code, stderr } = await run(
        [command, join(dir, 'proto.json'), '--yes'].slice(0, command === 'plan' ? 2 : 3),
      );
      expect(code).toBe(2);
      expect(stderr).toContain('senders[0].account: names no account of the file (a0, a1)');
      expect(stderr).toContain('senders[1].account: names no account');
      expect(stderr).toContain('senders[2].account: names no account');
      expect(stderr).not.toContain('Nothing to do');
    }
    expect(sandbox.requests).toBe(0);
  });

  it('exits 2 on two account names for one accountSid, naming both, and sends nothing', async () => {
    const bad = structuredClone(fx.data) as { accounts: Record<string, { accountSid: string }> };
    bad.accounts.a1 = { ...bad.accounts.a1, accountSid: bad.accounts.a0?.accountSid as string };
    await writeFile(join(dir, 'twice.json'), JSON.stringify(bad));
    const { code, stderr } = await run(['apply', join(dir, 'twice.json'), '--yes', '--prune']);
    expect(code).toBe(2);
    expect(stderr).toContain('accounts.a1.accountSid: is also the accountSid of account a0');
    expect(sandbox.requests).toBe(0);
  });

  it('converges a sender whose webhook is null: the second apply sends no write', async () => {
    const data = structuredClone(fx.data);
    (data.senders[0] as { webhook: unknown }).webhook = null;
    await writeFile(join(dir, 'null.yaml'), stringify(data));
    expect((await run(['apply', join(dir, 'null.yaml'), '--yes'])).code).toBe(0);
    const writes = sandbox.traffic.writes;
    const again = await run(['apply', join(dir, 'null.yaml'), '--yes']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/^update/m);
    expect(again.stderr).toContain('Nothing to do');
    expect(sandbox.traffic.writes).toBe(writes);
  });

  it('checks --report and --journal before sending anything, naming the flag', async () => {
    const fleet = join(dir, 'fleet.yaml');
    const cases: [string[], RegExp][] = [
      [
        ['--report', join(dir, 'missing', 'out.json')],
        /--report .*missing.out\.json: its folder .* does not exist; nothing was sent/,
      ],
      [['--report', dir], /--report .*: is a folder, not a file/],
      [['--journal', join(dir, 'missing', 'j.jsonl')], /--journal .*j\.jsonl: its folder .* does not exist/],
    ];
    for (const [flags, message] of cases) {
      const { code, stderr } = await run(['apply', fleet, '--yes', ...flags]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(sandbox.requests).toBe(0);
  });

  it('keeps the sid and status of a sender created whose code was wrong, in the report and on stderr', async () => {
    await writeFile(join(dir, 'codes.csv'), 'sender_id,code\nwhatsapp:+15550000001,999\n');
    const report = join(dir, 'out.json');
    const args = ['apply', join(dir, 'fleet.yaml'), '--yes', '--codes', join(dir, 'codes.csv'), '--report', report];
    const { code, stderr } = await run(args);
    expect(code).toBe(1);
    const entry = JSON.parse(await readFile(report, 'utf8')).entries[1];
    expect(entry).toMatchObject({ result: 'failed', status: 'PENDING_VERIFICATION', error: { code: 70002 } });
    expect(entry.sid).toMatch(/^XE[0-9a-f]{32}$/);
    expect(stderr).toMatch(/^failed a1 whatsapp:\+15550000001 XE[0-9a-f]{32} PENDING_VERIFICATION 400 70002/m);
  });

  // `plan` in text and --json: src/cli/fleet-readme.test.ts and fleet-accounts.test.ts; the answer y
  // that applies: fleet-accounts.test.ts ('is held from before the plan').
  it('asks before writing, and writes nothing unless told yes', async () => {
    const { code, stderr } = await run(['apply', join(dir, 'fleet.yaml')], { input: 'n\n' });
    expect(code).toBe(2);
    expect(stderr).toContain('Apply 6 changes in 2 accounts? [y/N]');
    expect(sandbox.traffic.writes).toBe(0);
  });

  it('applies with --yes: plain lines off a terminal, the summary, and a report of every sender', async () => {
    const report = join(dir, 'out.json');
    const { code, stdout, stderr } = await run(['apply', join(dir, 'fleet.yaml'), '--yes', '--report', report]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^created a1 whatsapp:\+15550000001 XE[0-9a-f]{32} CREATING$/m);
    expect(stderr).not.toContain('\u001b[');
    expect(stdout).toMatch(/^total\s+6\s+0/m);
    expect(stdout).toContain('6 senders wait for the one-time password');
    const written = JSON.parse(await readFile(report, 'utf8'));
    expect(written.entries[0]).toMatchObject({ action: 'create', result: 'created', status: 'PENDING_VERIFICATION' });
    expect(written.entries[0].sid).toMatch(/^XE/);
  });

  it('exits 1 when a sender fails, with its code, message and request id in the report', async () => {
    await run(['apply', join(dir, 'fleet.yaml'), '--yes']);
    await writeFile(
      join(dir, 'codes.csv'),
      'sender_id,code\nwhatsapp:+15550000000,123456\nwhatsapp:+15550000001,999\n',
    );
    const report = join(dir, 'out.json');
    const args = ['apply', join(dir, 'fleet.yaml'), '--yes', '--codes', join(dir, 'codes.csv'), '--report', report];
    const { code, stderr } = await run(args);
    expect(code).toBe(1);
    expect(stderr).toContain('1 of 6 senders did not converge');
    const entries = JSON.parse(await readFile(report, 'utf8')).entries;
    expect(entries[0]).toMatchObject({ result: 'verified', status: 'ONLINE' });
    expect(entries[1]).toMatchObject({ result: 'failed', error: { status: 400, code: 70002 } });
    expect(entries[1].error.requestId).toMatch(/^RQ/);
  });

  it('refuses a codes file naming a sender the fleet does not have, without sending', async () => {
    await writeFile(join(dir, 'codes.csv'), 'sender_id,code\nwhatsapp:+19999999999,123456\n');
    const { code, stderr } = await run(['apply', join(dir, 'fleet.yaml'), '--yes', '--codes', join(dir, 'codes.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain('codes.csv line 2: whatsapp:+19999999999 is not a sender of the fleet file');
    expect(sandbox.requests).toBe(0);
  });

  it('draws a progress bar on a wide terminal, and plain lines on a narrow one', async () => {
    const wide = await run(['apply', join(dir, 'fleet.yaml'), '--yes'], { pty: 120 });
    expect(wide.code).toBe(0);
    expect(wide.stdout).toMatch(/apply \[[=-]+\] 6\/6 senders/);
    expect(wide.stdout).not.toMatch(/^created a0/m);
    const again = await startBareSandbox({ accounts: tokens });
    sandboxes.push(again);
    sandbox = again;
    await writeFile(join(dir, 'fleet.yaml'), stringify(fx.data));
    const narrow = await run(['apply', join(dir, 'fleet.yaml'), '--yes', '--journal', join(dir, 'other.jsonl')], {
      pty: 40,
    });
    expect(narrow.code).toBe(0);
    expect(narrow.stdout).not.toContain('apply [');
    expect(narrow.stdout).toMatch(/^created a0/m);
  });
});
