// Option resolution is pure logic: no request is made here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from './config.js';
import { ValidationError } from './errors.js';
import { accountSid, authToken } from './test/credentials.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('credentials', () => {
  it('names the environment variables when credentials are missing', () => {
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET']) {
      vi.stubEnv(name, '');
    }
    const error = refusal(() => resolveConfig({}));
    expect(error.issues.map((issue) => issue.path)).toEqual(['$.accountSid', '$.authToken']);
    expect(error.message).toContain('TWILIO_ACCOUNT_SID');
    expect(error.message).toContain('TWILIO_AUTH_TOKEN');
  });

  it('falls back to TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN', () => {
    vi.stubEnv('TWILIO_ACCOUNT_SID', accountSid);
    vi.stubEnv('TWILIO_AUTH_TOKEN', authToken);
    expect(resolveConfig({}).authorization).toBe(`Basic ${btoa(`${accountSid}:${authToken}`)}`);
  });

  it('asks for the secret when only an API key is given, without echoing the key', () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', '');
    vi.stubEnv('TWILIO_API_SECRET', '');
    const apiKey = `SK${'d4'.repeat(16)}`;
    const error = refusal(() => resolveConfig({ accountSid, apiKey }));
    expect(error.issues).toEqual([{ path: '$.apiSecret', message: expect.stringContaining('TWILIO_API_SECRET') }]);
    expect(error.message).not.toContain(apiKey);
  });

  it('refuses a malformed Account SID without echoing it', () => {
    const error = refusal(() => resolveConfig({ accountSid: 'AC-secret-looking-value', authToken }));
    expect(error.issues[0]?.path).toBe('$.accountSid');
    expect(error.message).not.toContain('secret-looking');
  });
});

describe('base URL', () => {
  it('defaults to the global host', () => {
    expect(resolveConfig({ accountSid, authToken }).baseUrl).toBe('https://messaging.twilio.com');
  });

  it('pins edge and region into the host', () => {
    expect(resolveConfig({ accountSid, authToken, edge: 'sydney', region: 'au1' }).baseUrl).toBe(
      'https://messaging.sydney.au1.twilio.com',
    );
  });

  it('wants edge and region together', () => {
    expect(refusal(() => resolveConfig({ accountSid, authToken, edge: 'sydney' })).issues[0]?.path).toBe('$.region');
  });

  it('lets baseUrl override edge and region', () => {
    expect(
      resolveConfig({
        accountSid,
        authToken,
        edge: 'sydney',
        region: 'au1',
        baseUrl: 'https://proxy.example.com/twilio/',
      }).baseUrl,
    ).toBe('https://proxy.example.com/twilio');
  });

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010'])(
    'allows plain http to loopback: %s',
    (baseUrl) => {
      expect(resolveConfig({ accountSid, authToken, baseUrl }).baseUrl).toBe(baseUrl);
    },
  );

  it.each(['http://messaging.twilio.com', 'http://10.0.0.5:4010', 'http://127.0.0.1.example.com'])(
    'refuses plain http to a host that is not loopback: %s',
    (baseUrl) => {
      expect(refusal(() => resolveConfig({ accountSid, authToken, baseUrl })).message).toContain('loopback');
    },
  );

  it('refuses credentials inside the base URL, without echoing them', () => {
    const error = refusal(() =>
      resolveConfig({ accountSid, authToken, baseUrl: 'https://user:hunter2@proxy.example.com' }),
    );
    expect(error.issues[0]?.path).toBe('$.baseUrl');
    expect(error.message).not.toContain('hunter2');
  });
});
