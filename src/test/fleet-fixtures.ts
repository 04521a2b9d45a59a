// Accounts and senders for the fleet's tests: N accounts, each with its own token in its own
// variable, and senders numbered across them.
import type { Fleet } from '../fleet/file.js';
import { checkFleet } from '../fleet/file.js';
import { authToken } from './credentials.js';

export interface Fixture {
  fleet: Fleet;
  /** The raw file, as a user writes it. */
  data: { accounts: Record<string, unknown>; senders: Record<string, unknown>[] };
  env: Record<string, string>;
  /** The credentials the service accepts: Account SID → token. */
  credentials: Record<string, { password: string }>;
  sidOf: (account: string) => string;
}

export const accountSidOf = (i: number) => `AC${i.toString(16).padStart(32, '0')}`;
export const senderIdOf = (i: number) => `whatsapp:+1555${String(i).padStart(7, '0')}`;

/** `senders` senders spread round-robin over `accounts` accounts named a0, a1… */
export function fixture(
  accounts: number,
  senders: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
): Fixture {
  const data: Fixture['data'] = { accounts: {}, senders: [] };
  const env: Record<string, string> = {};
  const credentials: Fixture['credentials'] = {};
  for (let a = 0; a < accounts; a++) {
    const variable = `FLEET_TEST_TOKEN_${a}`;
    data.accounts[`a${a}`] = { accountSid: accountSidOf(a + 1), authTokenEnv: variable };
    env[variable] = `${authToken}-${a}`;
    credentials[accountSidOf(a + 1)] = { password: `${authToken}-${a}` };
  }
  for (let i = 0; i < senders; i++) {
    data.senders.push({
      account: `a${i % accounts}`,
      sender_id: senderIdOf(i),
      profile: { name: `Sender ${i}`, vertical: 'Automotive', websites: ['https://example.com'] },
      webhook: { callback_url: `https://hooks.example.com/${i}`, callback_method: 'POST' },
      configuration: { waba_id: '1234567890' },
      ...extra(i),
    });
  }
  return { fleet: checkFleet(data), data, env, credentials, sidOf: (name) => accountSidOf(Number(name.slice(1)) + 1) };
}
