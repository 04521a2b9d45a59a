// The journal is the one authority, whoever calls: applyFleet reads the creates in doubt once it
// holds the journal, whether or not it is handed a plan, and a plan made before the journal was
// held is never carried out as it is: it is made again once held.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { fleetRun } from '../test/fleet-run.js';
import { applyFleet } from './apply.js';
import { openJournal } from './journal.js';
import { planFleet } from './plan.js';

describe('applyFleet handed a plan', () => {
  it("looks up a create an earlier run left in doubt before sending it, as the README's example calls it", async () => {
    const fx = fixture(1, 2);
    const { service, journal, settings } = await fleetRun(fx);
    const accountSid = fx.sidOf('a0');
    const inFlight = senderIdOf(1);
    // A killed run sent this create just now; the service applies it a moment after the plan read the account.
    const intent = {
      type: 'intent',
      run: 'killed',
      seq: 1,
      op: 'create',
      account: 'a0',
      accountSid,
      sender_id: inFlight,
      at: Date.now(),
      timeoutMs: 1_000,
    };
    await writeFile(journal, `${JSON.stringify(intent)}\n`);
    const connect = { baseUrl: settings.baseUrl, env: fx.env, timeoutMs: 1_000, pollIntervalMs: 5 };
    const plan = await planFleet(fx.fleet, connect);
    expect(plan.entries.map((e) => e.action)).toEqual(['create', 'create']);
    service.seed(accountSid, { sender_id: inFlight });
    const report = await applyFleet(fx.fleet, { ...connect, journal, plan });
    expect(report.ok).toBe(true);
    expect(service.createsOf(accountSid, inFlight)).toBe(0);
    expect(service.createsOf(accountSid, senderIdOf(0))).toBe(1);
  });

  it('makes a plan from before the journal was held again: what another run created meanwhile is not created twice', async () => {
    const fx = fixture(2, 6);
    const { service, settings } = await fleetRun(fx);
    const stale = await planFleet(fx.fleet, settings);
    expect(stale.entries.filter((e) => e.action === 'create')).toHaveLength(6);
    // Another run applies the same file to the end meanwhile.
    await applyFleet(fx.fleet, settings);
    const writes = service.writes;
    const report = await applyFleet(fx.fleet, { ...settings, plan: stale });
    expect(report.entries.map((e) => e.result)).toEqual(Array(6).fill('unchanged'));
    expect(service.writes).toBe(writes);
    for (const sender of fx.fleet.senders)
      expect(service.createsOf(fx.sidOf(sender.account), sender.body.sender_id)).toBe(1);
  });

  it('carries out as it is a plan made under the journal it is given, held since', async () => {
    const fx = fixture(1, 2);
    const { service, settings } = await fleetRun(fx);
    const journal = await openJournal(settings.journal);
    try {
      const plan = await planFleet(fx.fleet, { ...settings, journal });
      const reads = service.log.filter((r) => r.method === 'GET').length;
      const report = await applyFleet(fx.fleet, { ...settings, journal, plan });
      expect(report.entries.map((e) => e.result)).toEqual(['created', 'created']);
      // No second read of the account before the creates: the plan held.
      const firstPost = service.log.findIndex((r) => r.method === 'POST');
      expect(service.log.slice(0, firstPost).filter((r) => r.method === 'GET')).toHaveLength(reads);
    } finally {
      await journal.close();
    }
  });

  it('writes nothing for an account the held plan could not read, though it reads well now', async () => {
    const fx = fixture(2, 2);
    const { service, settings } = await fleetRun(fx);
    const failing = fx.sidOf('a0');
    // The first read of a0 fails for good (a 500 on every retry), then the service recovers.
    let refusals = 20;
    service.intercept = ({ accountSid, method }) =>
      accountSid === failing && method === 'GET' && refusals-- > 0 ? { status: 500, code: 20500 } : undefined;
    const journal = await openJournal(settings.journal);
    try {
      const plan = await planFleet(fx.fleet, { ...settings, journal, maxRetries: 0 });
      expect(plan.failures.map((failure) => [failure.account, failure.stage])).toEqual([['a0', 'read']]);
      refusals = 0;
      const report = await applyFleet(fx.fleet, { ...settings, journal, plan });
      expect(service.createsOf(failing, senderIdOf(0))).toBe(0);
      expect(service.createsOf(fx.sidOf('a1'), senderIdOf(1))).toBe(1);
      expect(report.ok).toBe(false);
      expect(report.failures.map((failure) => failure.account)).toEqual(['a0']);
    } finally {
      await journal.close();
    }
  });

  it('deletes, of a plan made before the journal was held, only the extras that plan showed', async () => {
    const fx = fixture(1, 1);
    const { service, settings } = await fleetRun(fx);
    const shown = service.seed(fx.sidOf('a0'), { sender_id: 'whatsapp:+16660000001' });
    const plan = await planFleet(fx.fleet, settings);
    const unseen = service.seed(fx.sidOf('a0'), { sender_id: 'whatsapp:+16660000002' });
    const report = await applyFleet(fx.fleet, { ...settings, plan, prune: true });
    expect(report.entries.map((e) => [e.result, e.sid])).toEqual([
      ['created', expect.any(String)],
      ['deleted', shown.sid],
      ['extra', unseen.sid],
    ]);
  });
});
