// CONTRACT_TARGET: how it is read, and what live mode does without credentials.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from '../src/test/paths.js';
import { contractTarget } from './target.js';

describe('contractTarget', () => {
  it('reads mock, proxy:<url> and live', () => {
    expect(contractTarget({})).toEqual({ kind: 'mock' });
    expect(contractTarget({ CONTRACT_TARGET: 'proxy:http://127.0.0.1:8080' })).toEqual({
      kind: 'proxy',
      upstream: 'http://127.0.0.1:8080',
    });
    expect(contractTarget({ CONTRACT_TARGET: 'live', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' })).toEqual({
      kind: 'live',
    });
  });

  it('skips live mode without credentials, and says which are missing', () => {
    expect(contractTarget({ CONTRACT_TARGET: 'live', TWILIO_ACCOUNT_SID: 'AC1' })).toEqual({
      kind: 'skipped',
      why: 'TWILIO_AUTH_TOKEN not set',
    });
  });

  it.each(['proxy:', 'proxy:ftp://example.com', 'staging'])('refuses %s', (value) => {
    expect(() => contractTarget({ CONTRACT_TARGET: value })).toThrow(/CONTRACT_TARGET/);
  });
});

it('live mode without credentials prints why it checked nothing, skips every test and exits 0', async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTRACT_TARGET: 'live',
    CONTRACT_PRISM_LOG: join(root, 'test-results', 'prism-live.log'),
    NO_COLOR: '1',
  };
  for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'])
    delete env[name];
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [vitest, 'run', '--project', 'contract'], {
    cwd: root,
    env,
  });
  expect(stdout).toContain(
    'contract: live checks skipped: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN not set. Nothing was checked against the real service.',
  );
  expect(stdout).toMatch(/Tests\s+\d+ skipped/);
  expect(stdout).not.toMatch(/\d+ passed/);
}, 60_000);
