// Drift detection, one call at a time: an upstream that answers what the spec forbids, or adds a field the
// spec does not know yet, fails the call through `prism proxy --errors`, with a message naming the field;
// the client itself hands an unknown field through. The upstream is the sandbox with its answers changed.
// The whole proxy-mode suite failing on drift: proxy-suite.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendersClient } from '../src/index.js';
import { startCheckedSandbox } from '../src/testing/checked.js';
import { contractClient, credentials, SpecViolation } from './client.js';
import { drifts, everySender, naming, senderId } from './drifts.js';

describe('through prism proxy, one call', () => {
  let checked: Awaited<ReturnType<typeof startCheckedSandbox>>;
  beforeAll(async () => {
    checked = await startCheckedSandbox();
  });
  afterAll(() => checked.close());

  it.each(Object.entries(drifts))('fails on %s, naming the field', async (_, { change, field }) => {
    checked.sandbox.mutateResponses(everySender(change));
    const senders = contractClient(checked.url, { maxRetries: 0 });
    const error = await senders
      .create({ sender_id: senderId(), profile: { name: 'Example Motors' } })
      .catch((caught: unknown) => caught);
    expect((error as Error).cause).toBeInstanceOf(SpecViolation);
    expect((error as Error).message).toMatch(naming(field));
  });

  it('hands a field the spec does not know through the client, straight from the service', async () => {
    checked.sandbox.mutateResponses(everySender((sender) => ({ ...sender, throughput_tier: 'standard' })));
    const senders = createSendersClient({ ...credentials, baseUrl: checked.sandbox.url });
    const created = await senders.create({ sender_id: senderId(), profile: { name: 'Example Motors' } });
    expect(created).toMatchObject({ throughput_tier: 'standard', status: 'CREATING' });
    expect(await senders.get(created.sid)).toMatchObject({ throughput_tier: 'standard' });
  });
});
