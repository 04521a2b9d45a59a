import { afterEach, describe, expect, it } from 'vitest';
import { createSendersClient } from '../client.js';
import { ApiError } from '../errors.js';
import { startBareSandbox } from './server.js';

const one = `AC${'1'.repeat(32)}`;
const two = `AC${'2'.repeat(32)}`;
const accounts = { [one]: 'token-one', [two]: 'token-two' };
let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function start(options: Parameters<typeof startBareSandbox>[0]) {
  const sandbox = await startBareSandbox({ accounts, ...options });
  close = () => sandbox.close();
  const client = (sid: string) =>
    createSendersClient({ accountSid: sid, authToken: accounts[sid], baseUrl: sandbox.url, maxRetries: 0 });
  return { sandbox, client };
}

describe('the sandbox under load (traffic)', () => {
  it('counts creates per account and sender_id, a refused duplicate too, and writes', async () => {
    const { sandbox, client } = await start({});
    await client(one).create({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } });
    await client(two).create({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } });
    await expect(
      client(one).create({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } }),
    ).rejects.toThrow(/already exists/);
    expect(sandbox.traffic.createsOf(one, 'whatsapp:+15017122661')).toBe(2);
    expect(sandbox.traffic.createsOf(two, 'whatsapp:+15017122661')).toBe(1);
    expect(sandbox.traffic.totalCreates).toBe(3);
    expect(sandbox.traffic.writes).toBe(3);
  });

  it('records the most requests each account had in flight at once', async () => {
    // Each answer held 2 s: the three requests sent at once overlap even on a loaded machine (30 ms did not, in CI).
    const { sandbox, client } = await start({ latencyMs: 2_000 });
    await Promise.all([1, 2, 3].map(() => client(one).list()));
    await client(two).list();
    expect(sandbox.traffic.highWater.get(one)).toBe(3);
    expect(sandbox.traffic.highWater.get(two)).toBe(1);
  });

  it('draws seeded 429s and 503s, and a lost answer applies the create but answers 503', async () => {
    const { sandbox, client } = await start({ traffic: { lostAnswerShare: 1 } });
    const lost = await client(one)
      .create({ sender_id: 'whatsapp:+15017122662', profile: { name: 'Example Motors' } })
      .catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(ApiError);
    expect((lost as ApiError).status).toBe(503);
    expect([...sandbox.sendersOf(one).values()].map((s) => s.sender_id)).toEqual(['whatsapp:+15017122662']);
    sandbox.traffic.configure({ lostAnswerShare: 0, rateLimitShare: 0.5, unavailableShare: 0.25 });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++)
      statuses.push(
        await client(one)
          .list()
          .then(
            () => 200,
            (error: ApiError) => error.status,
          ),
      );
    const share = (status: number) => statuses.filter((s) => s === status).length / statuses.length;
    expect(share(429)).toBeGreaterThan(0.35);
    expect(share(429)).toBeLessThan(0.65);
    expect(share(503)).toBeGreaterThan(0.05);
    expect(() => sandbox.traffic.configure({ rateLimitShare: 2 })).toThrow(RangeError);
  });
});
