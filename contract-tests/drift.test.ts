// Drift detection, proven: an upstream that answers what the spec forbids, or adds a field the spec
// does not know yet, makes the proxy-mode suite fail, with a message naming the field; the client
// itself hands an unknown field through. The upstream is the sandbox with its answers changed.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendersClient } from '../src/index.js';
import { root } from '../src/test/paths.js';
import { startCheckedSandbox } from '../src/testing/checked.js';
import type { BareSandbox as Sandbox } from '../src/testing/options.js';
import { startBareSandbox as startSandbox } from '../src/testing/server.js';
import { contractClient, credentials, SpecViolation } from './client.js';

type Body = Record<string, unknown>;
const isSender = (body: Body) => typeof body === 'object' && body !== null && 'sid' in body;

/** Each kind of drift: how the upstream changes a sender, and the field the failure must name. */
const drifts: Record<string, { change: (sender: Body) => Body; field: string }> = {
  'a wrong type': { change: (sender) => ({ ...sender, sender_id: 15017122661 }), field: 'sender_id' },
  'a missing required field': {
    change: ({ status: _status, ...sender }) => sender,
    field: 'status',
  },
  'a status outside the enum': { change: (sender) => ({ ...sender, status: 'SUSPENDED' }), field: 'status' },
  'a field the spec does not know': {
    change: (sender) => ({ ...sender, throughput_tier: 'standard' }),
    field: 'throughput_tier',
  },
};
const unchanged = (sender: Body) => sender;
/** How Prism names the field at fault: its path, or the property it found or missed. */
const naming = (field: string) =>
  new RegExp(`response\\.body\\.(senders\\.\\d+\\.)?${field}\\b|property '${field}'|found '${field}'`);
let number = 0;
/** A sender id of its own for each call: deterministic, so that a failure replays. */
const senderId = () => `whatsapp:+1556${String(++number).padStart(8, '0')}`;

/** Applies `change` to every sender in a body: a sender itself, or each sender of a page. */
const everySender = (change: (sender: Body) => Body) => (body: Body) =>
  isSender(body)
    ? change(body)
    : Array.isArray(body.senders)
      ? { ...body, senders: body.senders.map((sender: Body) => change(sender)) }
      : body;

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

/** Runs the contract suite in proxy mode against `upstream`, as a user's CI would. */
async function proxySuite(upstream: string, name: string) {
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [vitest, 'run', '--project', 'contract'], {
      cwd: root,
      env: {
        ...process.env,
        CONTRACT_TARGET: `proxy:${upstream}`,
        CONTRACT_PRISM_LOG: join(root, 'test-results', `prism-drift-${name}.log`),
        NO_COLOR: '1',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the proxy-mode suite, run whole', () => {
  const upstreams: Sandbox[] = [];
  afterAll(() => Promise.all(upstreams.map((upstream) => upstream.close())));

  // One drift and no change, each a whole vitest run (the dearest tests of the suite); every
  // kind of drift is proven one call at a time above, and by `whatsapp-senders contract` in src/cli/.
  const statusDrift = drifts['a status outside the enum'] as (typeof drifts)[string];
  const cases = [
    { kind: 'a status outside the enum', change: statusDrift.change, field: statusDrift.field, passes: false },
    { kind: 'no change', change: unchanged, field: '', passes: true },
  ];

  it.concurrent.each(cases)(
    'on $kind: passes only if nothing breaks the spec',
    async ({ kind, change, field, passes }) => {
      const upstream = await startSandbox();
      upstreams.push(upstream);
      upstream.mutateResponses(everySender(change));
      const { code, output } = await proxySuite(upstream.url, kind.replaceAll(' ', '-'));
      if (passes) {
        expect(code, output).toBe(0);
        expect(output).toMatch(/Tests\s+\d+ passed/);
      } else {
        expect(code, output).toBe(1);
        expect(output).toContain('the response breaks the spec');
        expect(output).toMatch(naming(field));
      }
    },
    120_000,
  );
});
