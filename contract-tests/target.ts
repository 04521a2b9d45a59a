// CONTRACT_TARGET, read once: by the global setup (what to start) and by vitest.config.ts (which
// files apply: the mock-only files ask Prism for statuses and examples, which a real service ignores).

export type ContractTarget =
  | { kind: 'mock' }
  | { kind: 'proxy'; upstream: string }
  | { kind: 'live' }
  | { kind: 'skipped'; why: string };

export function contractTarget(env: Record<string, string | undefined> = process.env): ContractTarget {
  const value = env.CONTRACT_TARGET ?? 'mock';
  if (value === 'mock') return { kind: 'mock' };
  if (value.startsWith('proxy:')) {
    const upstream = value.slice('proxy:'.length);
    if (!/^https?:\/\/[^\s/]+/.test(upstream)) {
      throw new Error(`CONTRACT_TARGET=${value}: expected proxy:<absolute http(s) URL>`);
    }
    return { kind: 'proxy', upstream };
  }
  if (value === 'live') {
    const missing = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'].filter((name) => !env[name]);
    return missing.length > 0 ? { kind: 'skipped', why: `${missing.join(' and ')} not set` } : { kind: 'live' };
  }
  throw new Error(`CONTRACT_TARGET=${value}: expected mock, proxy:<url> or live`);
}
