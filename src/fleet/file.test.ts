import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { authToken } from '../test/credentials.js';
import { accountSidOf } from '../test/fleet-fixtures.js';
import { connectAccounts } from './accounts.js';
import { checkFleet, loadFleet, parseFleet } from './file.js';

const acme = { accountSid: accountSidOf(1), authTokenEnv: 'ACME_TWILIO_AUTH_TOKEN' };
const globex = { accountSid: accountSidOf(2), apiKey: `SK${'c3'.repeat(16)}`, apiSecretEnv: 'GLOBEX_SECRET' };
const sender = (account: string, n: number, more: Record<string, unknown> = {}) => ({
  account,
  sender_id: `whatsapp:+1501712266${n}`,
  profile: { name: 'Acme', vertical: 'Automotive' },
  ...more,
});

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('the fleet file', () => {
  it('says an account that is not a string must be one, and one left out is required', () => {
    const issues = issuesOf(() =>
      checkFleet({
        accounts: { acme },
        senders: [sender('acme', 1, { account: 1 }), sender('acme', 2, { account: undefined })],
      }),
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['senders[0].account', 'must be a string: the name of one of accounts, not 1'],
      ['senders[1].account', 'is required: the name of one of accounts'],
    ]);
  });

  it('names no account by a member of Object.prototype: toString, constructor, hasOwnProperty', () => {
    const names = ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'];
    const issues = issuesOf(() => checkFleet({ accounts: { acme }, senders: names.map((name, i) => sender(name, i)) }));
    expect(issues.map((issue) => issue.path)).toEqual(names.map((_, i) => `senders[${i}].account`));
    for (const issue of issues) expect(issue.message).toContain('names no account of the file (acme)');
  });

  it('reads a secret only from a variable of its own: one named toString is not set', async () => {
    const fleet = checkFleet({ accounts: { acme: { ...acme, authTokenEnv: 'toString' } }, senders: [] });
    const { runtimes, failures } = await connectAccounts(fleet, { env: {} });
    expect(runtimes.size).toBe(0);
    expect(failures.map((f) => f.error.message)).toEqual(['toString is not set']);
  });

  it('refuses two account names for one accountSid, naming both', () => {
    const issues = issuesOf(() =>
      checkFleet({
        accounts: { acme, again: { ...acme, accountSid: acme.accountSid.toLowerCase().replace(/^ac/, 'AC') } },
        senders: [sender('acme', 1), sender('again', 1)],
      }),
    );
    expect(issues).toEqual([
      {
        path: 'accounts.again.accountSid',
        message: expect.stringMatching(
          /is also the accountSid of account acme: accounts acme and again are one account/,
        ),
      },
    ]);
  });

  it('reads the documented fleet file: accounts by name, senders with their account', () => {
    const fleet = parseFleet(`
accounts:
  acme:   { accountSid: ${acme.accountSid}, authTokenEnv: ACME_TWILIO_AUTH_TOKEN }
  globex: { accountSid: ${globex.accountSid}, apiKey: ${globex.apiKey}, apiSecretEnv: GLOBEX_SECRET }
senders:
  - account: acme
    sender_id: whatsapp:+15017122661
    profile: { name: Acme, vertical: Automotive, websites: [https://acme.example] }
    webhook: { callback_url: https://hooks.acme.example/wa, callback_method: POST }
    configuration: { waba_id: "1234567890" }
  - account: globex
    sender_id: whatsapp:+15017122661
    profile: { name: Globex }
`);
    expect([...fleet.accounts.keys()]).toEqual(['acme', 'globex']);
    expect(fleet.senders.map((s) => [s.index, s.account, s.body.sender_id])).toEqual([
      [0, 'acme', 'whatsapp:+15017122661'],
      [1, 'globex', 'whatsapp:+15017122661'],
    ]);
    // `account` is the file's own key: it is not part of the create body.
    expect(fleet.senders[0]?.body).not.toHaveProperty('account');
  });

  it('names every bad entry by its index and field, all at once', () => {
    const issues = issuesOf(() =>
      checkFleet({
        accounts: { acme },
        senders: [
          sender('acme', 1),
          sender('acme', 2, { profile: { name: 'Acme', use_case: 'Cars' } }),
          sender('acme', 3, { webhook: { callback_url: 'not a url' } }),
          { account: 'acme', sender_id: '+15017122664', profile: { name: 'Acme' } },
          sender('acme', 5, { colour: 'blue' }),
        ],
      }),
    );
    const paths = [...new Set(issues.map((issue) => issue.path))];
    expect(paths).toEqual([
      'senders[1].profile.use_case',
      'senders[2].webhook.callback_url',
      'senders[3].sender_id',
      'senders[4].colour',
    ]);
  });

  it('refuses a sender_id given twice in one account, and allows it in two', () => {
    const issues = issuesOf(() =>
      checkFleet({
        accounts: { acme, globex },
        senders: [sender('acme', 1), sender('globex', 1), sender('acme', 2), sender('acme', 1)],
      }),
    );
    expect(issues).toEqual([{ path: 'senders[3].sender_id', message: 'is also senders[0] of account acme' }]);
  });

  it('refuses a sender of an account the file does not define, or of none', () => {
    const issues = issuesOf(() =>
      checkFleet({
        accounts: { acme },
        senders: [sender('initech', 1), { sender_id: 'whatsapp:+15017122662', profile: { name: 'Acme' } }],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['senders[0].account', 'senders[1].account']);
    expect(issues[0]?.message).toContain('acme');
  });

  it('refuses secrets in the file without repeating them, and asks for the variable instead', () => {
    const secret = `${authToken}-in-the-file`;
    const hexToken = 'f'.repeat(32);
    let caught: unknown;
    try {
      checkFleet({
        accounts: {
          acme: { accountSid: acme.accountSid, authToken: secret },
          globex: { accountSid: globex.accountSid, apiKey: globex.apiKey, apiSecret: secret },
          initech: { accountSid: accountSidOf(3), authTokenEnv: hexToken },
        },
        senders: [],
      });
    } catch (error) {
      caught = error;
    }
    const { issues, message } = caught as ValidationError;
    expect(issues.map((issue) => issue.path)).toEqual([
      'accounts.acme.authToken',
      'accounts.globex.apiSecret',
      'accounts.initech.authTokenEnv',
    ]);
    expect(issues[0]?.message).toContain('authTokenEnv');
    expect(message).not.toContain(secret);
    expect(message).not.toContain(hexToken);
  });

  it('refuses accounts with a bad sid, both kinds of secret, or half an API key', () => {
    const issues = issuesOf(() =>
      checkFleet({
        accounts: {
          bad: { accountSid: 'AC123', authTokenEnv: 'X' },
          both: { ...acme, apiKey: globex.apiKey, apiSecretEnv: 'Y' },
          half: { accountSid: accountSidOf(4), apiKey: globex.apiKey },
          none: { accountSid: accountSidOf(5) },
        },
        senders: [],
        extra: true,
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'extra',
      'accounts.bad.accountSid',
      'accounts.both',
      'accounts.half',
      'accounts.none',
    ]);
  });

  it('reports a YAML syntax error or a repeated key with its line, and JSON by the extension', async () => {
    expect(issuesOf(() => parseFleet('accounts: {}\naccounts: {}\nsenders: []\n'))[0]?.message).toMatch(
      /duplicated mapping key \(2:1\)/,
    );
    // A billion laughs: a few lines whose aliases would expand to 10^9 values.
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      laughs.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(issuesOf(() => parseFleet(`${laughs.join('\n')}\n`))[0]?.message).toMatch(/aliases expand to more than/);
    const dir = await mkdtemp(join(tmpdir(), 'fleet-'));
    await writeFile(join(dir, 'fleet.json'), '{"accounts": {}, "senders": [}');
    await expect(loadFleet(join(dir, 'fleet.json'))).rejects.toThrow(/is not JSON/);
    await expect(loadFleet(join(dir, 'missing.yaml'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });

  it('reads YAML numbers as numbers, so that an unquoted waba_id is named, not sent', () => {
    const issues = issuesOf(() =>
      parseFleet(`accounts: { acme: { accountSid: ${acme.accountSid}, authTokenEnv: A } }
senders:
  - { account: acme, sender_id: "whatsapp:+15017122661", profile: { name: Acme }, configuration: { waba_id: 1234567890 } }
`),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('senders[0].configuration.waba_id');
    expect(issues[0]?.message).toMatch(/^must be string.*, got integer$/);
  });

  it('names every secret variable that is not set, each a failure of its own account, before any request', async () => {
    const fleet = checkFleet({ accounts: { acme, globex }, senders: [] });
    const { failures } = await connectAccounts(fleet, { env: {} });
    expect(
      failures.map(({ account, path, secret, stage, error }) => ({ account, path, secret, stage, error })),
    ).toEqual([
      {
        account: 'acme',
        path: 'accounts.acme.authTokenEnv',
        secret: 'ACME_TWILIO_AUTH_TOKEN',
        stage: 'credentials',
        error: { message: 'ACME_TWILIO_AUTH_TOKEN is not set' },
      },
      {
        account: 'globex',
        path: 'accounts.globex.apiSecretEnv',
        secret: `${globex.apiKey} with GLOBEX_SECRET`,
        stage: 'credentials',
        error: { message: 'GLOBEX_SECRET is not set' },
      },
    ]);
  });
});
