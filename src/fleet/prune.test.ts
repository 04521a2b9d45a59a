// Prune deletes only what the file does not want: a sender a list page shows twice is one sender,
// and a sender whose sender_id the file lists is never deleted, even when the account holds two.
import { describe, expect, it } from 'vitest';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { fleetRun } from '../test/fleet-run.js';
import { planFleet } from './plan.js';

describe('prune', () => {
  it('takes a sid seen twice (offset paging while senders are added) for one sender, and deletes nothing the file wants', async () => {
    // 201 senders in one account: two pages of 200. The second page repeats the first one's last
    // entry, as offset paging does when a sender is added before it meanwhile.
    const fx = fixture(1, 201);
    const { service, settings, apply } = await fleetRun(fx);
    for (const sender of fx.fleet.senders) service.seed(fx.sidOf('a0'), structuredClone(sender.body) as never);
    let repeated = 0;
    service.listView = (all, start) => {
      if (start === 0) return all;
      repeated++;
      return [all[0] as (typeof all)[0], ...all];
    };
    const plan = await planFleet(fx.fleet, settings);
    expect(plan.entries.filter((e) => e.action !== 'unchanged')).toEqual([]);
    expect(repeated).toBe(1);
    const report = await apply({ prune: true });
    expect(report.entries.filter((e) => e.result !== 'unchanged')).toEqual([]);
    expect(service.log.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(service.sendersOf(fx.sidOf('a0')).size).toBe(201);
  });

  it('reports two senders with one sender_id the file wants, and deletes neither; a true extra is deleted', async () => {
    const fx = fixture(1, 2);
    const { service, apply } = await fleetRun(fx);
    const wanted = fx.fleet.senders[0]?.body;
    const first = service.seed(fx.sidOf('a0'), structuredClone(wanted) as never);
    const second = service.seed(fx.sidOf('a0'), structuredClone(wanted) as never);
    const extra = service.seed(fx.sidOf('a0'), { sender_id: 'whatsapp:+16660000000' });
    const report = await apply({ prune: true });
    expect(report.entries.map((e) => [e.result, e.sender_id, e.sid])).toEqual([
      ['unchanged', senderIdOf(0), first.sid],
      ['created', senderIdOf(1), expect.any(String)],
      ['duplicate', senderIdOf(0), second.sid],
      ['deleted', 'whatsapp:+16660000000', extra.sid],
    ]);
    const deleted = service.log.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop());
    expect(deleted).toEqual([extra.sid]);
    expect(service.sendersOf(fx.sidOf('a0')).has(second.sid)).toBe(true);
  });
});
