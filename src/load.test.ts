// Under load: 200 concurrent gets against a server that answers 429 to about 30% of requests.
// Which requests are refused is a hash of (sid, attempt number), so the run is the same every
// time whatever the timing: no outcome here depends on luck.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { responseExample } from '../contract-tests/spec.js';
import { createSendersClient, type Sender } from './index.js';
import { defaults } from './options.js';
import { credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const rateLimited = responseExample<object>('fetchSender', '429', 'rate-limited');
const concurrency = 200;
const refusedShare = 0.3;
const sids = Array.from({ length: concurrency }, (_, i) => `XE${i.toString(16).padStart(32, '0')}`);

/** FNV-1a with murmur3's finalizer (so that near-identical texts spread), as a number from 0 to 1. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

const attemptsBySid = new Map<string, number>();
let refused = 0;
/** When each retry arrived, in ms. */
const retriesAt: number[] = [];
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer((request, response) => {
    const sid = request.url.split('/').pop() ?? '';
    const attempt = (attemptsBySid.get(sid) ?? 0) + 1;
    attemptsBySid.set(sid, attempt);
    if (attempt > 1) retriesAt.push(performance.now());
    // A limiter that refuses 30% of requests and lets each caller through within its retry budget.
    if (attempt <= defaults.maxRetries && hash(`${sid}:${attempt}`) < refusedShare) {
      refused++;
      return json(response, 429, rateLimited);
    }
    json(response, 200, { ...online, sid });
  });
});
afterAll(() => server.close());

it('completes 200 concurrent gets through 30% of 429s, within the attempt bound, without a retry storm', async () => {
  const senders = createSendersClient({ ...credentials, baseUrl: server.url });
  const started = performance.now();
  const results = await Promise.allSettled(sids.map((sid) => senders.get(sid)));
  const ms = performance.now() - started;

  const failed = results.filter((result) => result.status === 'rejected');
  expect(failed).toEqual([]);
  expect(results.map((result) => (result.status === 'fulfilled' ? result.value.sid : undefined))).toEqual(sids);

  const attempts = [...attemptsBySid.values()];
  const total = attempts.reduce((sum, n) => sum + n, 0);
  // The attempt bound, for every sender.
  expect(Math.max(...attempts)).toBeLessThanOrEqual(defaults.maxRetries + 1);
  // No storm: each 429 was followed by exactly one retry, and nothing else was sent again.
  expect(total).toBe(concurrency + refused);
  const share = refused / total;
  expect(share).toBeGreaterThan(0.2);
  expect(share).toBeLessThan(0.4);
  // How bunched the retries came: the most that arrived within any 100 ms (jitter spreads them).
  const densest = Math.max(
    ...retriesAt.map((at) => retriesAt.filter((other) => other >= at && other < at + 100).length),
  );
  console.log(
    `load: ${concurrency} gets, ${total} attempts in all (${refused} answered 429, ${(share * 100).toFixed(1)}%), ` +
      `at most ${Math.max(...attempts)} for one sender, at most ${densest} retries in any 100 ms, ${Math.round(ms)} ms`,
  );
});
