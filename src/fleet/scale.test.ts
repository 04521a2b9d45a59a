// The fleet at scale, against the sandbox (src/testing) with its accounts kept apart:
// 1,000 senders across 10 accounts, 20% of requests answered 429 and some 503s (before anything is
// done, and after a create was applied: its answer lost).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createSendersClient } from '../client.js';
import { fixture } from '../test/fleet-fixtures.js';
import { startBareSandbox } from '../testing/server.js';
import { applyFleet } from './apply.js';
import { planFleet } from './plan.js';

const fx = fixture(10, 1_000);
const tokens = Object.fromEntries(Object.entries(fx.credentials).map(([sid, { password }]) => [sid, password]));
const sandbox = await startBareSandbox({ accounts: tokens, traffic: { seed: 16 } });
afterAll(() => sandbox.close());

it('converges: 1,000 senders, 10 accounts, 20% 429s and some 503s; creates = missing senders; each account within its ceiling', async () => {
  // 150 exist already (50 of them under another display name), and 20 extras the file does not name.
  const clientOf = (account: string) =>
    createSendersClient({
      accountSid: fx.sidOf(account),
      authToken: tokens[fx.sidOf(account)] ?? '',
      baseUrl: sandbox.url,
    });
  for (const sender of fx.fleet.senders.slice(0, 150)) {
    const { profile } = sender.body;
    const name = sender.index < 50 ? 'Old name' : `Sender ${sender.index}`;
    await clientOf(sender.account).create({ ...sender.body, profile: { ...profile, name } });
  }
  for (let i = 0; i < 20; i++)
    await clientOf(`a${i % 10}`).create({
      sender_id: `whatsapp:+1666${String(i).padStart(7, '0')}`,
      profile: { name: 'Example Motors' },
    });
  sandbox.traffic.creates.clear();
  sandbox.traffic.highWater.clear();
  sandbox.traffic.configure({ rateLimitShare: 0.2, unavailableShare: 0.02, lostAnswerShare: 0.02 });
  const before = sandbox.requests;

  const settings = {
    baseUrl: sandbox.url,
    env: fx.env,
    journal: join(await mkdtemp(join(tmpdir(), 'fleet-scale-')), 'journal.jsonl'),
    // 1 s an attempt: at 300 ms, a machine loaded past its cores timed attempts out until writes failed
    // (three ambiguous failures each), which is not what this test is about (2026-12-07).
    timeoutMs: 1_000,
    concurrency: 4,
  };
  const report = await applyFleet(fx.fleet, settings);
  expect(report.entries.filter((entry) => entry.result === 'failed').slice(0, 3)).toEqual([]);
  expect(report.ok).toBe(true);
  const results: Record<string, number> = {};
  for (const entry of report.entries) results[entry.result] = (results[entry.result] ?? 0) + 1;
  expect(results).toEqual({ created: 850, updated: 50, unchanged: 100, extra: 20 });

  // Creates that reached the sandbox = the missing senders, each once; no account over its ceiling.
  expect(sandbox.traffic.totalCreates).toBe(850);
  expect(Math.max(...sandbox.traffic.creates.values())).toBe(1);
  expect(sandbox.traffic.highWater.size).toBe(10);
  for (const most of sandbox.traffic.highWater.values()) expect(most).toBeLessThanOrEqual(4);
  expect(sandbox.requests - before).toBeGreaterThan(1_100);

  // Converged: a fresh plan finds nothing to do, and a second apply sends no write.
  sandbox.traffic.configure({ rateLimitShare: 0.2, unavailableShare: 0, lostAnswerShare: 0 });
  const plan = await planFleet(fx.fleet, settings);
  expect(plan.entries.filter((e) => e.action !== 'unchanged' && e.action !== 'extra')).toEqual([]);
  const writes = sandbox.traffic.writes;
  const again = await applyFleet(fx.fleet, settings);
  expect(again.ok).toBe(true);
  expect(again.entries.filter((e) => e.result !== 'unchanged' && e.result !== 'extra')).toEqual([]);
  expect(sandbox.traffic.writes).toBe(writes);
});
