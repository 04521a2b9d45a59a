// The scale proof: 1,000 senders across 10 accounts, with a service that answers 20% of
// requests with 429 and some creates with 503 (some before doing anything, some after creating).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixture } from '../test/fleet-fixtures.js';
import { startFleetService } from '../test/fleet-service.js';
import { applyFleet } from './apply.js';
import { planFleet } from './plan.js';

const fx = fixture(10, 1_000);
const service = await startFleetService({
  accounts: fx.credentials,
  rateLimitShare: 0.2,
  unavailableShare: 0.03,
  lostAnswerShare: 0.02,
  seed: 16,
});
afterAll(() => service.close());

it('converges: 1,000 senders, 10 accounts, 20% 429s and some 503s; creates = missing senders; each account within its ceiling', async () => {
  // 150 exist already (50 of them with another display name), and 20 extras the file does not know.
  for (const sender of fx.fleet.senders.slice(0, 150)) {
    const { profile, webhook } = sender.body;
    const name = sender.index < 50 ? 'Old name' : profile?.name;
    service.seed(fx.sidOf(sender.account), {
      sender_id: sender.body.sender_id,
      profile: { ...profile, name },
      webhook,
    });
  }
  for (let i = 0; i < 20; i++)
    service.seed(fx.sidOf(`a${i % 10}`), { sender_id: `whatsapp:+1666${String(i).padStart(7, '0')}` });
  const settings = {
    baseUrl: service.url,
    env: fx.env,
    journal: join(await mkdtemp(join(tmpdir(), 'fleet-scale-')), 'journal.jsonl'),
    timeoutMs: 300,
    concurrency: 4,
  };
  const report = await applyFleet(fx.fleet, settings);
  expect(report.ok).toBe(true);
  const results: Record<string, number> = {};
  for (const entry of report.entries) results[entry.result] = (results[entry.result] ?? 0) + 1;
  expect(results).toEqual({ created: 850, updated: 50, unchanged: 100, extra: 20 });

  const counts = [...service.creates.values()];
  expect(counts.reduce((a, b) => a + b, 0)).toBe(850);
  expect(Math.max(...counts)).toBe(1);
  expect([...service.highWater.values()].every((most) => most <= 4)).toBe(true);
  // The 429s and 503s did happen.
  expect(service.log.filter((r) => r.status === 429).length).toBeGreaterThan(200);
  expect(service.log.filter((r) => r.status === 503).length).toBeGreaterThan(10);

  const plan = await planFleet(fx.fleet, settings);
  expect(plan.entries.filter((e) => e.action !== 'unchanged' && e.action !== 'extra')).toEqual([]);
  const writes = service.writes;
  const again = await applyFleet(fx.fleet, settings);
  expect(again.ok).toBe(true);
  expect(service.writes).toBe(writes);
});
