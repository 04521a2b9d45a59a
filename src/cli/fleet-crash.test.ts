// No duplicate and no loss across kills: `whatsapp-senders apply` (the built CLI, dist/cli.js) killed with
// SIGKILL at three random points, then resumed each time, against the sandbox with its accounts
// kept apart. It converges; the sandbox counts each sender_id's creates: never two; nothing is lost.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fromDist } from '../test/build.js';
import { fixture } from '../test/fleet-fixtures.js';
import { startBareSandbox } from '../testing/server.js';

const cli = await fromDist('cli.js');
const fx = fixture(3, 300);
const tokens = Object.fromEntries(Object.entries(fx.credentials).map(([sid, { password }]) => [sid, password]));
const sandbox = await startBareSandbox({
  accounts: tokens,
  latencyMs: 10,
  // Some creates are applied 1.2 s late: a killed run's last ones can land after the next run read the account.
  traffic: { rateLimitShare: 0.1, lostAnswerShare: 0.02, slowShare: 0.05, slowMs: 1_200, seed: Date.now() % 1_000_000 },
});
afterAll(() => sandbox.close());

/**
 * Runs `apply`; with `killAfter`, sends `signal` as the create that makes that many is applied (of
 * those whose sender_id starts with `counting`, when given).
 */
async function apply(
  dir: string,
  killAfter?: number,
  signal: NodeJS.Signals = 'SIGKILL',
  counting?: string,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      '--base-url',
      sandbox.url,
      'apply',
      join(dir, 'fleet.yaml'),
      '--yes',
      '--timeout',
      '1',
      '--report',
      join(dir, 'report.json'),
    ],
    { env: { ...process.env, ...fx.env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-200_000);
  });
  const traffic = sandbox.traffic;
  const counted = traffic.created.bind(traffic);
  let armed = killAfter !== undefined;
  let matching = 0;
  traffic.created = (account, senderId) => {
    const lost = counted(account, senderId);
    if (counting !== undefined && String(senderId).startsWith(counting)) matching++;
    const count = counting === undefined ? traffic.totalCreates : matching;
    if (armed && count >= (killAfter ?? 0)) {
      armed = false;
      // At once, while the create is applied and its answer not yet sent: the run dies not knowing
      // it landed, the case a resume must find by lookup rather than create again.
      child.kill(signal);
    }
    return lost;
  };
  try {
    const ended = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    if (ended.code !== null && ended.code !== 0 && signal === 'SIGKILL') console.error(stderr);
    return { ...ended, stderr };
  } finally {
    traffic.created = counted;
  }
}

// Four runs of the CLI each: bounds for a loaded 2-core machine (the default is 30 s).
it('converges after three SIGKILLs at random points, with no sender created twice and none lost', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fleet-crash-'));
  await writeFile(join(dir, 'fleet.yaml'), stringify(fx.data));
  const total = fx.fleet.senders.length;
  // Three kill points, spread over the run: somewhere in each third of the creates.
  const points = [0, 1, 2].map((third) => Math.floor((total * (third + Math.random())) / 3.2) + 1);
  for (const point of points) {
    const ended = await apply(dir, point);
    expect(ended.signal).toBe('SIGKILL');
  }
  const last = await apply(dir);
  expect(last.code).toBe(0);

  // Nothing lost: every sender of the file is in its account. No duplicates: one create each.
  for (const sender of fx.fleet.senders) {
    const accountSid = fx.sidOf(sender.account);
    const ids = [...sandbox.sendersOf(accountSid).values()].map((s) => s.sender_id);
    expect(ids.filter((id) => id === sender.body.sender_id)).toHaveLength(1);
    expect(sandbox.traffic.createsOf(accountSid, sender.body.sender_id)).toBe(1);
  }
  expect(sandbox.traffic.totalCreates).toBe(total);
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
  expect(report.ok).toBe(true);
  // The hard case happened: a create applied by the service whose answer the killed run never saw.
  const journal = await readFile(join(dir, 'fleet.yaml.journal.jsonl'), 'utf8');
  expect(journal).toMatch(/"result":"found"/);
}, 90_000);

it('stops on Ctrl-C (SIGINT) with the requests in flight journalled, and the next run goes on', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fleet-interrupt-'));
  // 60 of the fleet's senders: stopped at 30 creates, the next run makes the rest.
  const senders = fx.data.senders.slice(0, 60).map((sender) => ({
    ...sender,
    sender_id: String(sender.sender_id).replace('+1555', '+1444'),
    account: String(sender.account),
  }));
  const small = { ...fx.data, senders };
  await writeFile(join(dir, 'fleet.yaml'), stringify(small));
  const before = sandbox.traffic.totalCreates;
  // Its own creates counted: an earlier test's create applied late must not stop it before it began.
  const stopped = await apply(dir, 30, 'SIGINT', 'whatsapp:+1444');
  expect(stopped.code).toBe(1);
  expect(stopped.stderr).toContain('Stopping: requests in flight finish');
  expect(stopped.stderr).toMatch(/did not converge \(interrupted\)/);
  const partly = sandbox.traffic.totalCreates - before;
  expect(partly).toBeLessThan(small.senders.length);
  const resumed = await apply(dir);
  expect(resumed.code).toBe(0);
  expect(sandbox.traffic.totalCreates - before).toBe(small.senders.length);
  for (const sender of senders) expect(sandbox.traffic.createsOf(fx.sidOf(sender.account), sender.sender_id)).toBe(1);
}, 90_000);
