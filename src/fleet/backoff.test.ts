// The fleet waits as the client does: its backoff policy, with the cap on Retry-After
// (maxRetryDelayMs), and a wait longer than a few seconds is told with its end.
import { describe, expect, it } from 'vitest';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { fleetRun } from '../test/fleet-run.js';
import type { FleetEvent } from './apply.js';

describe("the fleet's backoff", () => {
  it('does not honour a Retry-After past maxRetryDelayMs: the write fails, saying so, and the account goes on', async () => {
    const fx = fixture(1, 3);
    const { service, apply } = await fleetRun(fx);
    let refused = false;
    service.intercept = ({ method, body }) => {
      if (method !== 'POST' || body.sender_id !== senderIdOf(0) || refused) return undefined;
      refused = true;
      return { status: 429, code: 20429, headers: { 'Retry-After': '3600' } };
    };
    const report = await apply({ maxRetryDelayMs: 1_000, concurrency: 1 });
    expect(report.entries.map((e) => e.result)).toEqual(['failed', 'created', 'created']);
    expect(report.entries[0]?.error?.message).toContain('over maxRetryDelayMs (1000)');
    // Sent once, refused, and not sent again.
    expect(service.log.filter((r) => r.method === 'POST' && r.senderId === senderIdOf(0))).toHaveLength(1);
  });

  it('tells a wait of more than a few seconds, with its end, before it waits', async () => {
    const fx = fixture(1, 1);
    const { service, apply } = await fleetRun(fx);
    let refusedAt = 0;
    service.intercept = ({ method }) => {
      if (method !== 'POST' || refusedAt) return undefined;
      refusedAt = Date.now();
      return { status: 429, code: 20429, headers: { 'Retry-After': '6' } };
    };
    const events: FleetEvent[] = [];
    const report = await apply({ onEvent: (event) => events.push(event) });
    expect(report.ok).toBe(true);
    const waits = events.filter((e) => e.type === 'waiting');
    expect(waits).toHaveLength(1);
    const [wait] = waits as Extract<FleetEvent, { type: 'waiting' }>[];
    expect(wait?.account).toBe('a0');
    expect(wait?.why).toContain('429');
    // Its end is the Retry-After from the refusal, within the time the answer took to arrive.
    expect(wait?.untilMs).toBeGreaterThanOrEqual(refusedAt + 6_000);
    expect(wait?.untilMs).toBeLessThan(refusedAt + 8_000);
    expect(service.log.filter((r) => r.method === 'POST').map((r) => r.at - refusedAt >= 6_000)).toEqual([false, true]);
  });
});
