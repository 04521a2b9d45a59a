// Drift detection, proven: an upstream that answers what the spec forbids makes the proxy-mode
// suite fail, with a message naming the field; an upstream that only adds a field passes, and the
// client hands that field through. The upstream is the sandbox with its answers changed.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../src/test/paths.js';
import { startCheckedSandbox } from '../src/testing/checked.js';
import type { BareSandbox as Sandbox } from '../src/testing/options.js';
import { startBareSandbox as startSandbox } from '../src/testing/server.js';
import { contractClient, SpecViolation } from './client.js';

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
};
const extraField = (sender: Body) => ({ ...sender, throughput_tier: 'standard' });

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
      .create({ sender_id: `whatsapp:+1555${Date.now() % 1e8}` })
      .catch((caught: unknown) => caught);
    expect((error as Error).cause).toBeInstanceOf(SpecViolation);
    expect((error as Error).message).toMatch(new RegExp(`response\\.body\\.${field}\\b|property '${field}'`));
  });

  it('passes an extra field, and the client hands it through', async () => {
    checked.sandbox.mutateResponses(everySender(extraField));
    const senders = contractClient(checked.url);
    const created = await senders.create({ sender_id: `whatsapp:+1556${Date.now() % 1e8}` });
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

  const cases = [
    ...Object.entries(drifts).map(([kind, { change, field }]) => ({ kind, change, field, passes: false })),
    { kind: 'an extra field', change: extraField, field: 'throughput_tier', passes: true },
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
        expect(output).toMatch(new RegExp(`response\\.body\\.(senders\\.\\d+\\.)?${field}\\b|property '${field}'`));
      }
    },
    120_000,
  );
});
