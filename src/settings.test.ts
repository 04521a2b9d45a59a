// A client's options resolved once: each default from `defaults`, the retry policy apart from
// everything else (no credential beside it), a logger that cannot break a call.
import { describe, expect, it } from 'vitest';
import { defaults } from './defaults.js';
import { resolveSettings } from './settings.js';
import { accountSid, authToken, credentials } from './test/credentials.js';

describe('resolveSettings', () => {
  it('gives each option not given its value in `defaults`, and keeps each one given', () => {
    const settings = resolveSettings({ ...credentials, maxRetries: 5, validate: false });
    expect(settings).toMatchObject({
      timeoutMs: defaults.timeoutMs,
      validate: false,
      extraFields: defaults.extraFields,
      maxResponseBytes: defaults.maxResponseBytes,
    });
    expect(settings.policy).toEqual({
      maxRetries: 5,
      backoffBaseMs: defaults.backoffBaseMs,
      backoffCapMs: defaults.backoffCapMs,
      maxRetryDelayMs: defaults.maxRetryDelayMs,
    });
  });

  it('keeps no credential in the retry policy', () => {
    const { policy } = resolveSettings(credentials);
    expect(JSON.stringify(policy)).not.toContain(authToken);
    expect(JSON.stringify(policy)).not.toContain(accountSid);
  });

  it('reads each option once: a getter cannot answer differently later', () => {
    let reads = 0;
    const options = {
      ...credentials,
      get timeoutMs() {
        reads++;
        return reads === 1 ? 1_000 : 2_000;
      },
    };
    expect(resolveSettings(options).timeoutMs).toBe(1_000);
    expect(reads).toBe(1);
  });

  it('makes a throwing logger lose its line, never throw', () => {
    const { log } = resolveSettings({
      ...credentials,
      logger: {
        debug() {
          throw new Error('log sink down');
        },
      },
    });
    expect(() => log?.('a line')).not.toThrow();
    expect(resolveSettings(credentials).log).toBeUndefined();
  });
});
