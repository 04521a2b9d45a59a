// ensureSender: one sender with the fleet's guarantees, for a service that registers one customer
// at a time. Over a real socket, against the sandbox.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { fixture } from '../test/fleet-fixtures.js';
import { fleetRun } from '../test/fleet-run.js';
import { EnsureSenderError, ensureSender } from './ensure.js';

const fx = fixture(1, 1);
const accountSid = fx.sidOf('a0');
const credentials = { authToken: fx.env.FLEET_TEST_TOKEN_0 ?? '' };
const sender = {
  sender_id: 'whatsapp:+15017122661',
  profile: { name: 'Acme', vertical: 'Automotive' as const },
  webhook: { callback_url: 'https://hooks.acme.example/wa', callback_method: 'POST' as const },
};

describe('ensureSender', () => {
  it('creates a sender that is absent, leaves it alone after, and updates only what differs', async () => {
    const { service, journal, settings } = await fleetRun(fx);
    const call = (body = sender) =>
      ensureSender({ sender: body, accountSid, credentials, journal, baseUrl: settings.baseUrl, pollIntervalMs: 5 });
    const created = await call();
    expect(created).toMatchObject({ result: 'created', sid: expect.stringMatching(/^XE/) });
    const writes = service.writes;
    expect(await call()).toMatchObject({ result: 'unchanged', sid: created.sid });
    expect(service.writes).toBe(writes);
    const renamed = await call({ ...sender, profile: { ...sender.profile, name: 'Acme Motors' } });
    expect(renamed).toMatchObject({ result: 'updated', sid: created.sid, changes: ['profile.name'] });
    expect(service.createsOf(accountSid, sender.sender_id)).toBe(1);
  });

  it('never creates twice across a crash: a create left in doubt is looked up, and found', async () => {
    const { service, journal, settings } = await fleetRun(fx);
    const intent = {
      type: 'intent',
      run: 'killed',
      seq: 1,
      op: 'create',
      account: accountSid,
      accountSid,
      sender_id: sender.sender_id,
      at: Date.now(),
      timeoutMs: 1_000,
    };
    await writeFile(journal, `${JSON.stringify(intent)}\n`);
    // The killed call's create lands after this call read the account.
    const landed = setTimeout(() => service.seed(accountSid, structuredClone(sender) as never), 300);
    const result = await ensureSender({
      sender,
      accountSid,
      credentials,
      journal,
      baseUrl: settings.baseUrl,
      timeoutMs: 1_000,
    });
    clearTimeout(landed);
    expect(result.result).toBe('created');
    expect(result.note).toContain('earlier run');
    expect(service.createsOf(accountSid, sender.sender_id)).toBe(0);
  });

  it('rejects with the account stage and the service error when the credentials are refused', async () => {
    const { journal, settings } = await fleetRun(fx);
    const error = await ensureSender({
      sender,
      accountSid,
      credentials: { authToken: 'rotated' },
      journal,
      baseUrl: settings.baseUrl,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnsureSenderError);
    expect(error).toMatchObject({ stage: 'credentials', error: { status: 401, code: 20003 } });
    expect(String((error as Error).message)).not.toContain('rotated');
  });

  it('refuses a body the spec refuses before any request', async () => {
    const { service, journal, settings } = await fleetRun(fx);
    // A display name over the 255 characters error 63124 allows.
    const bad = { ...sender, profile: { ...sender.profile, name: 'x'.repeat(256) } } as never;
    await expect(
      ensureSender({ sender: bad, accountSid, credentials, journal, baseUrl: settings.baseUrl }),
    ).rejects.toThrow(ValidationError);
    expect(service.requests).toBe(0);
  });
});
