// applyFleet and planFleet over a real socket, against the sandbox with its accounts kept apart
// (src/test/fleet-service.ts).
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { statusesOf } from '../statuses.js';
import { apiKey, apiSecret, authToken } from '../test/credentials.js';
import { accountSidOf, type Fixture, fixture, senderIdOf } from '../test/fleet-fixtures.js';
import {
  type FakeSender,
  type FleetService,
  type FleetServiceOptions,
  startFleetService,
} from '../test/fleet-service.js';
import { type ApplyOptions, applyFleet } from './apply.js';
import { checkFleet } from './file.js';
import type { JournalLine } from './journal.js';
import { planFleet } from './plan.js';

let service: FleetService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

async function setUp(fx: Fixture, options: Partial<FleetServiceOptions> = {}) {
  service = await startFleetService({ accounts: fx.credentials, ...options });
  const dir = await mkdtemp(join(tmpdir(), 'fleet-apply-'));
  const journal = join(dir, 'fleet.journal.jsonl');
  const settings = { baseUrl: service.url, env: fx.env, journal, timeoutMs: 2_000, pollIntervalMs: 5 };
  const apply = (more: Partial<ApplyOptions> = {}) => applyFleet(fx.fleet, { ...settings, ...more });
  return { service, journal, settings, apply };
}

const journalLines = async (path: string): Promise<JournalLine[]> =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line));

describe('planFleet', () => {
  it('matches each account by sender_id: create, update with the fields that differ, unchanged, extra', async () => {
    const fx = fixture(2, 4);
    const { service, settings } = await setUp(fx);
    const [s0, s1, s2] = fx.data.senders as { sender_id: string; profile: object; webhook: object }[];
    service.seed(fx.sidOf('a0'), { sender_id: s0?.sender_id as string, profile: s0?.profile, webhook: s0?.webhook });
    service.seed(fx.sidOf('a1'), {
      sender_id: s1?.sender_id as string,
      profile: { ...s1?.profile, name: 'Old name', websites: [{ website: 'https://example.com', label: null }] },
      webhook: s1?.webhook,
    });
    // The same number in the other account is that account's business: an extra there.
    service.seed(fx.sidOf('a1'), { sender_id: s2?.sender_id as string });
    const plan = await planFleet(fx.fleet, settings);
    expect(plan.entries.map((e) => [e.action, e.account, e.sender_id, e.changes])).toEqual([
      ['unchanged', 'a0', senderIdOf(0), undefined],
      ['update', 'a1', senderIdOf(1), ['profile.name']],
      ['create', 'a0', senderIdOf(2), undefined],
      ['create', 'a1', senderIdOf(3), undefined],
      ['extra', 'a1', senderIdOf(2), undefined],
    ]);
    expect(plan.entries[1]?.patch).toEqual({ profile: { name: 'Sender 1' } });
    expect(service.writes).toBe(0);
  });
});

describe('applyFleet', () => {
  it('converges, creates each missing sender once, and a second apply sends no write', async () => {
    const fx = fixture(3, 30);
    const { service, apply } = await setUp(fx);
    const first = await apply();
    expect(first.ok).toBe(true);
    expect(first.entries.map((e) => e.result)).toEqual(Array(30).fill('created'));
    for (const [i, sender] of fx.fleet.senders.entries())
      expect(service.createsOf(accountSidOf((i % 3) + 1), sender.body.sender_id)).toBe(1);
    const writes = service.writes;
    const second = await apply();
    expect(second.entries.map((e) => e.result)).toEqual(Array(30).fill('unchanged'));
    expect(service.writes).toBe(writes);
    expect(service.log.filter((r) => r.method !== 'GET').length).toBe(writes);
  });

  it('stops when its signal aborts: the writes queued for a slot are not sent, and are reported skipped', async () => {
    const fx = fixture(1, 40);
    // Fewer senders than the account's workers: every one is queued for a slot before the first answer.
    const { service, apply } = await setUp(fx, { latencyMs: 100 });
    const stop = new AbortController();
    let creates = 0;
    service.onCreate = () => {
      if (++creates === 8) stop.abort(new Error('stopped'));
    };
    const report = await apply({ concurrency: 4, signal: stop.signal });
    expect(report.ok).toBe(false);
    // The 8th create and those in flight with it (the ceiling, 4) at the most.
    expect(service.writes).toBeLessThanOrEqual(8 + 4);
    const skipped = report.entries.filter((entry) => entry.result === 'skipped');
    expect(skipped.length).toBe(40 - report.entries.filter((entry) => entry.result === 'created').length);
    expect(skipped.length).toBeGreaterThanOrEqual(40 - 12);
  });

  it('keeps each account within its ceiling, and uses it', async () => {
    // Answers slow enough (400 ms) that a run reaches its ceiling even on a loaded machine: at 20 ms, a run
    // starved of CPU had answered its first create before it sent its third (CI-style load, 2026-12-07).
    const fx = fixture(2, 12);
    const { service, apply } = await setUp(fx, { latencyMs: 400 });
    await apply({ concurrency: 3 });
    expect([...service.highWater.values()]).toEqual([3, 3]);
    const again = fixture(2, 40);
    const one = await setUp(again, { latencyMs: 5 });
    await one.apply({ concurrency: 1 });
    expect([...one.service.highWater.values()]).toEqual([1, 1]);
    await one.service.close();
  });

  it('writes each intent to the journal before its request reaches the service', async () => {
    const fx = fixture(1, 5);
    const { service, journal, apply } = await setUp(fx);
    const unjournalled: string[] = [];
    service.intercept = ({ method, body }) => {
      if (method !== 'POST') return undefined;
      const intents = readFileSync(journal, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"intent"') && line.includes(String(body.sender_id)));
      if (intents.length === 0) unjournalled.push(String(body.sender_id));
      return undefined;
    };
    await apply();
    expect(unjournalled).toEqual([]);
    const lines = await journalLines(journal);
    const creates = lines.filter((l) => l.type !== 'run' && l.op === 'create');
    expect(creates.map((l) => l.type)).toEqual([...Array(5).fill('intent'), ...Array(5).fill('outcome')].sort());
  });

  it('answers a lost create (applied, then 503) by looking it up after its window, never by sending it again', async () => {
    const fx = fixture(2, 20);
    const { service, journal, apply } = await setUp(fx, { lostAnswerShare: 0.3, seed: 7 });
    const report = await apply({ timeoutMs: 300 });
    expect(report.ok).toBe(true);
    for (const sender of fx.fleet.senders)
      expect(service.createsOf(fx.sidOf(sender.account), sender.body.sender_id)).toBe(1);
    // Lost in this run: found by this run's own lookup, never said to come from an earlier run.
    const adopted = report.entries.filter((e) => e.note?.includes('earlier attempt of this run'));
    expect(adopted.length).toBeGreaterThan(0);
    expect(report.entries.filter((e) => e.note?.includes('earlier run'))).toEqual([]);
    // Each sender adopted was found by one lookup, of an attempt whose answer was lost, that started no earlier
    // than that attempt's intent plus its timeout. (On a loaded machine an attempt may also time out, and be
    // found by its lookup, or not and be sent again: more ambiguous outcomes than senders adopted, never a found
    // one without its lost attempt.)
    const lines = await journalLines(journal);
    const lost = lines.filter((l) => l.type === 'outcome' && l.result === 'ambiguous');
    const found = lines.filter((l) => l.type === 'outcome' && l.result === 'found');
    expect(found.length).toBe(adopted.length);
    expect(lost.length).toBeGreaterThanOrEqual(found.length);
    for (const line of found) {
      if (line.type !== 'outcome') continue;
      const intent = lines.find((l) => l.type === 'intent' && l.seq === line.seq && l.run === line.run);
      const ambiguous = lost.find((l) => l.type === 'outcome' && l.seq === line.seq && l.run === line.run);
      expect(ambiguous, `a found outcome without its lost attempt: ${JSON.stringify(line)}`).toBeDefined();
      expect(line.at).toBeGreaterThanOrEqual((intent?.at ?? Number.POSITIVE_INFINITY) + 300);
    }
  });

  it('carries out accounts named after members of Object.prototype like any other', async () => {
    const fx = fixture(3, 6);
    const names = ['toString', 'constructor', '__proto__'];
    // JSON.parse, as the file is read: `__proto__` is a key of its own.
    const data = JSON.parse(
      JSON.stringify(fx.data)
        .replace(/"a(\d)"/g, (_, n) => JSON.stringify(names[Number(n)]))
        .replace(/"account":"a(\d)"/g, (_, n) => `"account":${JSON.stringify(names[Number(n)])}`),
    );
    const fleet = checkFleet(data);
    expect([...fleet.accounts.keys()]).toEqual(names);
    const { service, settings } = await setUp(fx);
    const first = await applyFleet(fleet, { ...settings, canary: true });
    expect(first.entries.map((e) => [e.account, e.result])).toEqual(
      fleet.senders.map((sender) => [sender.account, 'created']),
    );
    expect(first.ok).toBe(true);
    const writes = service.writes;
    const second = await applyFleet(fleet, settings);
    expect(second.entries.map((e) => e.result)).toEqual(Array(6).fill('unchanged'));
    expect(service.writes).toBe(writes);
  });

  it('lists as waiting for a code only the senders of the file: not an extra one, nor one pruned', async () => {
    const fx = fixture(1, 2);
    const { service, apply } = await setUp(fx);
    const accountSid = fx.sidOf('a0');
    service.seed(accountSid, { sender_id: 'whatsapp:+15559990001', status: 'PENDING_VERIFICATION' });
    service.seed(accountSid, { sender_id: senderIdOf(0), status: 'PENDING_VERIFICATION' });
    const kept = await apply();
    expect(kept.entries.find((e) => e.sender_id === 'whatsapp:+15559990001')?.result).toBe('extra');
    expect(kept.awaitingCode.map((e) => e.sender_id)).toContain(senderIdOf(0));
    expect(kept.awaitingCode.map((e) => e.sender_id)).not.toContain('whatsapp:+15559990001');
    const pruned = await apply({ prune: true });
    expect(pruned.entries.find((e) => e.sender_id === 'whatsapp:+15559990001')?.result).toBe('deleted');
    expect(pruned.awaitingCode.map((e) => e.sender_id)).toContain(senderIdOf(0));
    expect(pruned.awaitingCode.map((e) => e.sender_id)).not.toContain('whatsapp:+15559990001');
  });

  it('waits a wider window after a create of this run timed out: a create held past timeout plus margin is found, not sent again', async () => {
    const fx = fixture(1, 1);
    const { service, settings } = await setUp(fx);
    // A proxy that holds each create 1.8 s before passing it on, whether or not the client still waits;
    // with a 0.5 s timeout, the first window (0.5 s + the 1 s margin) ends before the create lands.
    const holdMs = 1_800;
    // Counted here: a create sent again is still held by the proxy when the run ends.
    let creates = 0;
    const proxy = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      if (request.method === 'POST') {
        creates++;
        await new Promise((resolve) => setTimeout(resolve, holdMs));
      }
      try {
        const answer = await fetch(`${service.url}${request.url}`, {
          method: request.method ?? 'GET',
          headers: {
            authorization: request.headers.authorization ?? '',
            'content-type': request.headers['content-type'] ?? 'application/json',
          },
          ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        });
        const text = await answer.text();
        if (response.destroyed) return;
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(text);
      } catch {
        response.destroy(); // the service closed at the end of the test
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const report = await applyFleet(fx.fleet, { ...settings, baseUrl, timeoutMs: 500 });
      expect(creates).toBe(1);
      expect(service.createsOf(fx.sidOf('a0'), senderIdOf(0))).toBe(1);
      expect(report.entries[0]).toMatchObject({ result: 'created' });
      expect(report.entries[0]?.note).toContain('earlier attempt of this run');
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('sends a create again after a 503 that applied nothing, once the lookup finds no such sender', async () => {
    const fx = fixture(1, 10);
    const { service, apply } = await setUp(fx, { unavailableShare: 0.3, seed: 3 });
    const report = await apply({ timeoutMs: 200 });
    expect(report.ok).toBe(true);
    for (const sender of fx.fleet.senders) expect(service.createsOf(fx.sidOf('a0'), sender.body.sender_id)).toBe(1);
    expect(service.log.filter((r) => r.method === 'POST' && r.status === 503).length).toBeGreaterThan(0);
  });

  it('resumes a killed run: a young create in doubt is looked up once older, and not sent when it landed', async () => {
    const fx = fixture(1, 3);
    const { service, journal, apply } = await setUp(fx);
    const accountSid = fx.sidOf('a0');
    const inFlight = senderIdOf(1);
    const old = senderIdOf(2);
    const now = Date.now();
    const intent = (seq: number, senderId: string, at: number) =>
      JSON.stringify({
        type: 'intent',
        run: 'killed',
        seq,
        op: 'create',
        account: 'a0',
        accountSid,
        sender_id: senderId,
        at,
        timeoutMs: 1_500,
      });
    // The killed run's last line was torn mid-write.
    await writeFile(journal, `${intent(1, inFlight, now)}\n${intent(2, old, now - 600_000)}\n{"type":"outc`);
    // The killed run's create of senderIdOf(1) is applied by the service 500 ms later.
    const landed = setTimeout(() => service.seed(accountSid, { sender_id: inFlight }), 500);
    const report = await apply({ timeoutMs: 1_500 });
    clearTimeout(landed);
    expect(report.entries.map((e) => [e.sender_id, e.result])).toEqual([
      [senderIdOf(0), 'created'],
      [inFlight, 'created'],
      [old, 'created'],
    ]);
    // Not sent by this run: it landed from the killed one. The old intent's window was long past.
    expect(service.createsOf(accountSid, inFlight)).toBe(0);
    expect(service.createsOf(accountSid, old)).toBe(1);
    expect(report.entries[1]?.note).toContain('earlier run');
    const lookup = service.log.find((r) => r.method === 'GET' && r.at >= now + 1_500);
    expect(lookup).toBeDefined();
    const lines = await journalLines(journal);
    expect(lines.some((l) => l.type === 'outcome' && l.run === 'killed' && l.seq === 1 && l.result === 'found')).toBe(
      true,
    );
  });

  it('stops only the account whose canary goes OFFLINE, and says why; the other account goes on', async () => {
    const fx = fixture(2, 8);
    const { service, apply } = await setUp(fx);
    service.onCreate = (sender, accountSid) => {
      if (accountSid === fx.sidOf('a0')) {
        sender.status = 'OFFLINE';
        sender.offline_reasons = [{ code: '30008', message: 'not registered with WhatsApp', more_info: null }];
      }
    };
    const report = await apply({ canary: true });
    const a0 = report.entries.filter((e) => e.account === 'a0');
    expect(a0.map((e) => e.result)).toEqual(['failed', 'skipped', 'skipped', 'skipped']);
    expect(a0[0]?.error?.message).toContain('OFFLINE (30008: not registered with WhatsApp)');
    expect(report.stopped.a0).toContain(senderIdOf(0));
    expect(report.entries.filter((e) => e.account === 'a1').map((e) => e.result)).toEqual(Array(4).fill('created'));
    expect(service.createsOf(fx.sidOf('a0'), senderIdOf(2))).toBe(0);
    expect(report.ok).toBe(false);
  });

  it.each(statusesOf('action-needed'))(
    'stops the account whose canary is %s (action-needed), and lists it for attention',
    async (status) => {
      const fx = fixture(1, 3);
      const { service, apply } = await setUp(fx);
      service.onCreate = (sender) => {
        sender.status = status;
      };
      const report = await apply({ canary: true });
      expect(report.entries.map((e) => e.result)).toEqual(['failed', 'skipped', 'skipped']);
      expect(report.entries[0]?.error?.message).toBe(`${status}: it will not move on until someone acts`);
      expect(report.attention.map((e) => [e.sender_id, e.status])).toEqual([[senderIdOf(0), status]]);
      expect(service.writes).toBe(1);
    },
  );

  it('lists for attention the senders left failed, and not those that await their code', async () => {
    const fx = fixture(1, 3);
    const { service, apply } = await setUp(fx);
    const [failed] = statusesOf('failed');
    service.onCreate = (sender) => {
      if (sender.sender_id === senderIdOf(1)) sender.status = failed as string;
    };
    const report = await apply();
    expect(report.attention.map((e) => [e.sender_id, e.status])).toEqual([[senderIdOf(1), failed]]);
    expect(report.awaitingCode.map((e) => e.sender_id)).toEqual([senderIdOf(0), senderIdOf(2)]);
  });

  it.each([
    [
      'at the top of the sender',
      (sender: FakeSender) => Object.assign(sender, { pending_display_name_status: 'DECLINED' }),
    ],
    [
      'in its profile',
      (sender: FakeSender) =>
        Object.assign(sender, { profile: { ...(sender.profile as object), pending_display_name_status: 'DECLINED' } }),
    ],
  ])('stops an account whose canary display name is DECLINED (%s)', async (_, decline) => {
    const fx = fixture(1, 3);
    const { service, apply } = await setUp(fx);
    service.onCreate = (sender) => {
      decline(sender);
    };
    const report = await apply({ canary: true });
    expect(report.entries.map((e) => e.result)).toEqual(['failed', 'skipped', 'skipped']);
    expect(report.entries[0]?.error?.message).toContain('DECLINED');
    expect(service.writes).toBe(1);
  });

  it('lists the senders waiting for a code, and submits the codes it is given, then waits for ONLINE', async () => {
    const fx = fixture(1, 3);
    const { service, apply } = await setUp(fx);
    const first = await apply();
    expect(first.ok).toBe(true);
    expect(first.awaitingCode.map((e) => e.sender_id)).toEqual([senderIdOf(0), senderIdOf(1), senderIdOf(2)]);
    // The sandbox sends every number the code 123456, and refuses another (the test below).
    const codes = new Map([
      [senderIdOf(0), '123456'],
      [senderIdOf(2), '123456'],
    ]);
    const second = await apply({ codes });
    expect(second.entries.map((e) => [e.result, e.status])).toEqual([
      ['verified', 'ONLINE'],
      ['unchanged', 'PENDING_VERIFICATION'],
      ['verified', 'ONLINE'],
    ]);
    expect(second.awaitingCode.map((e) => e.sender_id)).toEqual([senderIdOf(1)]);
    const submitted = service.log.filter((r) => r.method === 'POST' && r.path !== '/v2/Channels/Senders');
    expect(submitted.length).toBe(2);
  });

  it('reports a code the service refuses as failed, the sender still waiting for its code', async () => {
    const fx = fixture(1, 2);
    const { service, apply } = await setUp(fx);
    await apply();
    const report = await apply({ codes: new Map([[senderIdOf(0), '654321']]) });
    expect(report.ok).toBe(false);
    expect(report.entries.map((e) => [e.result, e.status])).toEqual([
      ['failed', 'PENDING_VERIFICATION'],
      ['unchanged', 'PENDING_VERIFICATION'],
    ]);
    expect(report.entries[0]?.error).toMatchObject({ status: 400, code: 70002 });
    expect(report.awaitingCode.map((e) => e.sender_id)).toEqual([senderIdOf(0), senderIdOf(1)]);
    // Refused, not spent: the right code still verifies it.
    const again = await apply({ codes: new Map([[senderIdOf(0), '123456']]) });
    expect(again.entries.map((e) => [e.result, e.status])[0]).toEqual(['verified', 'ONLINE']);
    expect(service.log.filter((r) => r.method === 'POST' && r.path !== '/v2/Channels/Senders')).toHaveLength(2);
  });

  it('reports a code row for a sender ONLINE already as unchanged, sending no code', async () => {
    const fx = fixture(1, 1);
    const { service, apply } = await setUp(fx);
    const body = fx.fleet.senders[0]?.body;
    service.seed(fx.sidOf('a0'), { ...structuredClone(body), status: 'ONLINE' } as never);
    const report = await apply({ codes: new Map([[senderIdOf(0), '123456']]) });
    expect(report.entries.map((e) => [e.result, e.status])).toEqual([['unchanged', 'ONLINE']]);
    expect(report.entries[0]?.note).toContain('no code sent');
    expect(service.writes).toBe(0);
  });

  it('deletes the extra senders only with prune', async () => {
    const fx = fixture(1, 1);
    const { service, apply } = await setUp(fx);
    const extra = service.seed(fx.sidOf('a0'), { sender_id: senderIdOf(9) });
    const kept = await apply();
    expect(kept.entries.find((e) => e.sender_id === senderIdOf(9))?.result).toBe('extra');
    expect(service.sendersOf(fx.sidOf('a0')).has(extra.sid)).toBe(true);
    const pruned = await apply({ prune: true });
    expect(pruned.entries.find((e) => e.sender_id === senderIdOf(9))?.result).toBe('deleted');
    expect(service.sendersOf(fx.sidOf('a0')).has(extra.sid)).toBe(false);
  });

  it('reports a refused create with its code, message and request id, and goes on with the rest', async () => {
    const fx = fixture(1, 3);
    const { service, apply } = await setUp(fx);
    service.intercept = ({ method, body }) =>
      method === 'POST' && body.sender_id === senderIdOf(1) ? { status: 400, code: 21604 } : undefined;
    const report = await apply();
    expect(report.ok).toBe(false);
    expect(report.entries.map((e) => e.result)).toEqual(['created', 'failed', 'created']);
    expect(report.entries[1]?.error).toMatchObject({ status: 400, code: 21604, message: 'Scripted by the test' });
    expect(report.entries[1]?.error?.requestId).toMatch(/^RQ[0-9a-f]{32}$/);
    // A refusal is final: it was not sent again.
    expect(service.log.filter((r) => r.method === 'POST' && r.senderId === senderIdOf(1)).length).toBe(1);
  });

  it("never lets one account's rate limit slow another", async () => {
    const fx = fixture(2, 20);
    const { service, apply } = await setUp(fx);
    const limited = fx.sidOf('a0');
    const until = Date.now() + 1_500;
    service.intercept = ({ accountSid }) =>
      accountSid === limited && Date.now() < until
        ? { status: 429, code: 20429, headers: { 'Retry-After': '1' } }
        : undefined;
    const report = await apply();
    expect(report.ok).toBe(true);
    const a1Done = Math.max(...service.log.filter((r) => r.accountSid === fx.sidOf('a1')).map((r) => r.at));
    const a0Writes = service.log.filter((r) => r.accountSid === limited && r.status === 202);
    // Every request of a1 was made while a0 was still held back by its Retry-After.
    expect(a1Done).toBeLessThan(until);
    expect(Math.min(...a0Writes.map((r) => r.at))).toBeGreaterThanOrEqual(until);
  });

  it("uses each account's own credentials, and no TWILIO_* variable swaps them", async () => {
    const fleet = checkFleet({
      accounts: { key: { accountSid: accountSidOf(1), apiKey, apiSecretEnv: 'KEY_SECRET' } },
      senders: [{ account: 'key', sender_id: senderIdOf(0), profile: { name: 'Example Motors' } }],
    });
    service = await startFleetService({ accounts: { [apiKey]: { password: apiSecret, accountSid: accountSidOf(1) } } });
    const dir = await mkdtemp(join(tmpdir(), 'fleet-apply-'));
    vi.stubEnv('TWILIO_AUTH_TOKEN', authToken);
    vi.stubEnv('TWILIO_ACCOUNT_SID', accountSidOf(7));
    try {
      const report = await applyFleet(fleet, {
        baseUrl: service.url,
        env: { ...process.env, KEY_SECRET: apiSecret },
        journal: join(dir, 'j.jsonl'),
      });
      expect(report.ok).toBe(true);
      expect(service.createsOf(accountSidOf(1), senderIdOf(0))).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
