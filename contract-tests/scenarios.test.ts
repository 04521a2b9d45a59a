// Stateful scenarios, through `prism proxy --errors`: every request and every response is checked
// against the spec on the way. They run against the sandbox by default, against your service with
// CONTRACT_TARGET=proxy:<url>, and against Twilio with CONTRACT_TARGET=live (read-only unless
// CONTRACT_ALLOW_WRITES=1 and CONTRACT_TEST_SENDER_ID name a number you own).
import { describe, expect, inject, it } from 'vitest';
import { ApiError, type Sender, type SenderStatus } from '../src/index.js';
import { contractClient, proxiedFetch, target } from './client.js';

const serviceUrl = inject('serviceUrl');
const sandboxUrl = inject('sandboxUrl');
const live = target === 'live';
const liveSenderId = process.env.CONTRACT_TEST_SENDER_ID;
const writes = !live || (process.env.CONTRACT_ALLOW_WRITES === '1' && Boolean(liveSenderId));
// Against the sandbox, an Account SID of its own: the 429s it injects for it (`account` in the
// control API) cannot hit another file's requests to the same sandbox.
const scenariosAccount = `AC${'5c'.repeat(16)}`;
const liveCredentials = live
  ? { accountSid: process.env.TWILIO_ACCOUNT_SID, authToken: process.env.TWILIO_AUTH_TOKEN }
  : { accountSid: scenariosAccount };
const upstreamUrl = inject('upstreamUrl');
const senders = contractClient(serviceUrl || 'http://127.0.0.1:9', {
  ...liveCredentials,
  ...(upstreamUrl ? { fetch: proxiedFetch(upstreamUrl, serviceUrl) } : {}),
});

let number = 0;
/** A sender id no other test uses: +1 555 and a counter, the same from run to run so that a failure replays. */
const freshSenderId = () => `whatsapp:+1555${String(4_000_000 + ++number).padStart(8, '0')}`;

/** Reads the sender until its status is one of `statuses`, for up to `timeoutMs`. */
async function until(sid: string, statuses: SenderStatus[], timeoutMs = 15_000): Promise<Sender> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sender = await senders.get(sid);
    if (statuses.includes(sender.status)) return sender;
    if (Date.now() > deadline) throw new Error(`${sid} is still ${sender.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Tells the sandbox to do something through its control API (mock target only). */
async function sandbox(action: string, input: object) {
  const response = await fetch(`${sandboxUrl}/__sandbox/${action}`, { method: 'POST', body: JSON.stringify(input) });
  expect(response.status).toBe(200);
}

describe.skipIf(target === 'skipped')(`scenarios against ${target}`, () => {
  it('reads the first page, and iterates a few senders, with the real meta shape', async () => {
    // Where writes are allowed, three senders of its own, so that the page cannot be empty.
    const own =
      writes && !live
        ? await Promise.all(
            [1, 2, 3].map(() => senders.create({ sender_id: freshSenderId(), profile: { name: 'Example Motors' } })),
          )
        : [];
    try {
      const page = await senders.list({ pageSize: 5 });
      expect(page.meta.key).toBe('senders');
      expect(page.meta.page_size).toBe(5);
      expect(page.meta.page).toBe(0);
      expect(page.meta.previous_page_url).toBeNull();
      // A full page when there is a next one; at least the senders this test made in any case.
      if (page.meta.next_page_url) expect(page.senders).toHaveLength(5);
      expect(page.senders.length).toBeGreaterThanOrEqual(Math.min(own.length, 5));
      expect(page.senders.length).toBeLessThanOrEqual(5);
      const seen: string[] = [];
      for await (const sender of senders.iterate({ pageSize: 2, limit: 3 })) seen.push(sender.sid);
      // iterate() stops at the limit, and otherwise at the last sender: exactly min(3, all senders).
      expect(seen).toHaveLength(Math.min(3, page.senders.length));
      expect(new Set(seen).size).toBe(seen.length);
    } finally {
      await Promise.all(own.map((sender) => senders.delete(sender.sid)));
    }
  });

  it('answers an unknown sid with a Twilio 404 body', async () => {
    const error = await senders.get(`XE${'0'.repeat(32)}`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 20404, attempts: 1 });
    expect((error as ApiError).moreInfo).toMatch(/^https:\/\//);
    expect((error as ApiError).requestId).toMatch(/^RQ[0-9a-fA-F]{32}$/);
  });

  it.runIf(writes)('create → get → list contains it → update → delete → get is 404', async () => {
    const senderId = live ? (liveSenderId as string) : freshSenderId();
    const created = await senders.create({
      sender_id: senderId,
      configuration: { waba_id: '1234567890', verification_method: 'sms' },
      profile: { name: 'Contract Motors', emails: 'support@example.com' },
    });
    expect(created).toMatchObject({ sender_id: senderId, status: 'CREATING' });
    expect(await senders.get(created.sid)).toMatchObject({ sid: created.sid, sender_id: senderId });

    const listed: string[] = [];
    for await (const sender of senders.iterate({ pageSize: 50 })) listed.push(sender.sid);
    expect(listed).toContain(created.sid);

    const hook = 'https://example.com/hooks/whatsapp';
    const updated = await senders.update(created.sid, { webhook: { callback_url: hook, callback_method: 'POST' } });
    expect(updated.webhook).toMatchObject({ callback_url: hook, callback_method: 'POST' });

    await senders.delete(created.sid);
    await expect(senders.get(created.sid)).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it.runIf(!live)('registers, verifies and goes online; a profile change shows ONLINE:UPDATING', async () => {
    const created = await senders.create({
      sender_id: freshSenderId(),
      profile: { name: 'Example Motors' },
      configuration: { verification_method: 'sms' },
    });
    expect(created.status).toBe('CREATING');
    await until(created.sid, ['PENDING_VERIFICATION']);
    const verifying = await senders.update(created.sid, { configuration: { verification_code: '123456' } });
    expect(verifying.status).toBe('VERIFYING');
    const online = await until(created.sid, ['ONLINE']);
    expect(online.properties?.quality_rating).toBeTruthy();
    const updating = await senders.update(created.sid, { profile: { about: 'Cars since 1952' } });
    expect(updating.status).toBe('ONLINE:UPDATING');
    expect((await until(created.sid, ['ONLINE'])).profile?.about).toBe('Cars since 1952');
    await senders.delete(created.sid);
  });

  // New senders: only in the sandbox, not in a service behind proxy:<url>. 25 at 10 a page are three
  // pages (the last one short), each fetched from the page before's next_page_url through the proxy.
  it.runIf(target === 'mock')('pages through 25 senders with iterate(), each page from next_page_url', async () => {
    const created = new Set<string>();
    const made = await Promise.all(
      Array.from({ length: 25 }, () =>
        senders.create({ sender_id: freshSenderId(), profile: { name: 'Example Motors' } }),
      ),
    );
    for (const sender of made) created.add(sender.sid);
    const seen = new Set<string>();
    for await (const sender of senders.iterate({ pageSize: 10 })) {
      expect(seen.has(sender.sid), `${sender.sid} listed twice`).toBe(false);
      seen.add(sender.sid);
    }
    for (const sid of created) expect(seen.has(sid), `${sid} not listed`).toBe(true);
    await Promise.all([...created].map((sid) => senders.delete(sid)));
  });

  it.runIf(target === 'mock')('retries through the 429 mode, each 429 checked against the spec', async () => {
    const created = await senders.create({ sender_id: freshSenderId(), profile: { name: 'Example Motors' } });
    await sandbox('fail-next', { status: 429, count: 2, account: scenariosAccount });
    const sender = await senders.get(created.sid);
    expect(sender.sid).toBe(created.sid);
    // Every other request refused; one call after another, so each is refused at most once in a row.
    await sandbox('rate-limit', { share: 0.5, account: scenariosAccount });
    try {
      for (let call = 0; call < 10; call++) expect((await senders.list({ pageSize: 1 })).meta.key).toBe('senders');
    } finally {
      await sandbox('rate-limit', { share: 0, account: scenariosAccount });
    }
    await senders.delete(created.sid);
  });

  it.runIf(target === 'mock')('shows OFFLINE with its reasons', async () => {
    const created = await senders.create({ sender_id: freshSenderId(), profile: { name: 'Example Motors' } });
    await sandbox('status', { sid: created.sid, status: 'OFFLINE' });
    const offline = await senders.get(created.sid);
    expect(offline.status).toBe('OFFLINE');
    expect(offline.offline_reasons?.[0]).toMatchObject({ code: '30008' });
    await senders.delete(created.sid);
  });
});
