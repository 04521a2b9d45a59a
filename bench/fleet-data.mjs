// The fleets the benchmarks apply: `count` senders round-robin over `accounts` accounts, each account
// with its own token in its own variable. One place, for bench/fleet.mjs, fleet-scale.mjs and
// fleet-postgres.mjs.

/**
 * A fleet file's data, the variables of its tokens, and the tokens by Account SID (for the sandbox).
 * `senderId(i)` numbers the senders; `more(i)` adds fields to sender i (its profile included).
 */
export function fleetOf(
  count,
  accounts,
  { senderId = (i) => `whatsapp:+1${String(i).padStart(10, '0')}`, more = () => ({}) } = {},
) {
  const data = { accounts: {}, senders: [] };
  const env = {};
  const tokens = {};
  for (let a = 0; a < accounts; a++) {
    const sid = `AC${(a + 1).toString(16).padStart(32, '0')}`;
    data.accounts[`customer${a}`] = { accountSid: sid, authTokenEnv: `BENCH_TOKEN_${a}` };
    env[`BENCH_TOKEN_${a}`] = `bench-token-${a}`;
    tokens[sid] = `bench-token-${a}`;
  }
  for (let i = 0; i < count; i++) {
    const { profile, ...rest } = more(i);
    data.senders.push({
      account: `customer${i % accounts}`,
      sender_id: senderId(i),
      profile: { name: `Customer ${i % accounts} line ${i}`, vertical: 'Automotive', ...profile },
      webhook: { callback_url: `https://hooks.example.com/${i}`, callback_method: 'POST' },
      ...rest,
    });
  }
  return { data, env, tokens };
}
