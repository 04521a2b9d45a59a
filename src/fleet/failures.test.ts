// Failures stay with their account: an account whose credentials are not set or refused, whose
// reads fail, or whose canary fails is reported with its name, where its secret is, and the error;
// every other account plans and applies in full. Over a real socket, against the sandbox.
import { describe, expect, it } from 'vitest';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { fleetRun } from '../test/fleet-run.js';
import type { AccountFailure } from './accounts.js';
import { planFleet } from './plan.js';

const brief = ({ account, secret, stage, path, error }: AccountFailure) => ({
  account,
  secret,
  stage,
  path,
  status: error.status,
  code: error.code,
});

describe('an account whose credentials are refused', () => {
  it('is a failure of its own in the plan; the other accounts are planned in full', async () => {
    const fx = fixture(3, 9);
    const { settings } = await fleetRun(fx);
    const env = { ...fx.env, FLEET_TEST_TOKEN_1: 'rotated' };
    const plan = await planFleet(fx.fleet, { ...settings, env });
    expect(plan.failures.map(brief)).toEqual([
      {
        account: 'a1',
        secret: 'FLEET_TEST_TOKEN_1',
        stage: 'credentials',
        path: 'accounts.a1.authTokenEnv',
        status: 401,
        code: 20003,
      },
    ]);
    expect(plan.entries.map((e) => e.account)).toEqual(['a0', 'a2', 'a0', 'a2', 'a0', 'a2']);
    expect(JSON.stringify(plan)).not.toContain('rotated');
  });

  it('fails alone in applyFleet: the healthy accounts converge, the report says which failed and why', async () => {
    const fx = fixture(2, 6);
    const { service, apply } = await fleetRun(fx);
    const report = await apply({ env: { ...fx.env, FLEET_TEST_TOKEN_0: 'rotated' } });
    expect(report.ok).toBe(false);
    expect(report.failures.map(brief)).toEqual([
      {
        account: 'a0',
        secret: 'FLEET_TEST_TOKEN_0',
        stage: 'credentials',
        path: 'accounts.a0.authTokenEnv',
        status: 401,
        code: 20003,
      },
    ]);
    expect(report.entries.filter((e) => e.account === 'a1').map((e) => e.result)).toEqual(Array(3).fill('created'));
    expect(report.entries.filter((e) => e.account === 'a0').map((e) => e.result)).toEqual(Array(3).fill('failed'));
    expect(service.sendersOf(fx.sidOf('a1')).size).toBe(3);
  });
});

describe('an account whose secret is not set', () => {
  it('is named with its variable, before any request of it; the others apply in full', async () => {
    const fx = fixture(2, 4);
    const { service, apply } = await fleetRun(fx);
    const { FLEET_TEST_TOKEN_1: _unset, ...env } = fx.env;
    const report = await apply({ env });
    expect(report.failures.map((f) => [f.account, f.path, f.error.message])).toEqual([
      ['a1', 'accounts.a1.authTokenEnv', 'FLEET_TEST_TOKEN_1 is not set'],
    ]);
    expect(report.entries.filter((e) => e.account === 'a0').map((e) => e.result)).toEqual(['created', 'created']);
    expect(service.log.filter((r) => r.accountSid === fx.sidOf('a1'))).toEqual([]);
  });
});

describe('credentials from code', () => {
  it('asks a function for each account, and one that rejects fails that account alone', async () => {
    const fx = fixture(2, 4);
    const { apply } = await fleetRun(fx);
    const asked: string[] = [];
    const report = await apply({
      env: {},
      credentials: async (account) => {
        asked.push(account.name);
        if (account.name === 'a1') throw new Error('vault: no such secret');
        return { authToken: fx.env[`FLEET_TEST_TOKEN_${account.name.slice(1)}`] ?? '' };
      },
    });
    expect(asked.sort()).toEqual(['a0', 'a1']);
    expect(report.failures.map((f) => [f.account, f.secret, f.stage, f.error.message])).toEqual([
      ['a1', 'credentials("a1")', 'credentials', 'credentials() failed: vault: no such secret'],
    ]);
    expect(report.entries.filter((e) => e.account === 'a0').map((e) => e.result)).toEqual(['created', 'created']);
  });
});

describe('an account whose reads fail after the retries', () => {
  it('is a failure at the read stage; the other account applies in full', async () => {
    const fx = fixture(2, 4);
    const { service, apply } = await fleetRun(fx);
    service.intercept = ({ accountSid, method }) =>
      accountSid === fx.sidOf('a0') && method === 'GET' ? { status: 500, code: 20500 } : undefined;
    const report = await apply({ maxRetries: 1 });
    expect(report.failures.map(brief)).toEqual([
      { account: 'a0', secret: 'FLEET_TEST_TOKEN_0', stage: 'read', path: 'accounts.a0', status: 500, code: 20500 },
    ]);
    expect(report.entries.filter((e) => e.account === 'a1').map((e) => e.result)).toEqual(['created', 'created']);
  });
});

describe('a canary', () => {
  it('whose create is refused stops its account, as an OFFLINE canary does; the other account goes on', async () => {
    const fx = fixture(2, 8);
    const { service, apply } = await fleetRun(fx);
    service.intercept = ({ accountSid, method }) =>
      accountSid === fx.sidOf('a0') && method === 'POST' ? { status: 400, code: 63100 } : undefined;
    const report = await apply({ canary: true });
    const a0 = report.entries.filter((e) => e.account === 'a0');
    expect(a0.map((e) => e.result)).toEqual(['failed', 'skipped', 'skipped', 'skipped']);
    expect(service.log.filter((r) => r.accountSid === fx.sidOf('a0') && r.method === 'POST')).toHaveLength(1);
    expect(report.stopped.a0).toContain(`stopped by the canary ${senderIdOf(0)}: its create failed`);
    expect(report.failures.map((f) => [f.account, f.stage])).toEqual([['a0', 'canary']]);
    expect(report.entries.filter((e) => e.account === 'a1').map((e) => e.result)).toEqual(Array(4).fill('created'));
  });
});
