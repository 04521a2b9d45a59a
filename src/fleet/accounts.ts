// One account at work: its clients, its limiter, and the lookup of senders by sender_id. Every
// request of the account goes through its limiter; every response it gets tells the limiter.
import { createSendersClient, type SendersClient } from '../client.js';
import { defaults, fleetDefaults } from '../defaults.js';
import { ApiError } from '../errors.js';
import { parseRetryAfter } from '../retry.js';
import type { Sender } from '../types.js';
import type { Fleet, FleetAccount } from './file.js';
import { AimdLimiter } from './limiter.js';
import { batchedLookups } from './lookups.js';
import { type ErrorRecord, errorRecord } from './records.js';

/** The secret of one account: its Auth Token, or an API key (the file's `apiKey` when left out) and its secret. */
export type AccountCredentials = { authToken: string } | { apiKey?: string; apiSecret: string };

/**
 * An account that did not plan or apply in full, and why. The other accounts go on without it.
 * - `credentials`: its secret is not set, `credentials()` failed, or the service refused it (401, 403).
 * - `read`: its senders could not be read, after the client's retries.
 * - `canary`: its canary's create failed, or the canary went OFFLINE or had its name declined.
 */
export interface AccountFailure {
  account: string;
  /** Where its secret is: the variable the file names, the API key with its variable, or `credentials()`. */
  secret: string;
  stage: 'credentials' | 'read' | 'canary';
  /** The place in the fleet file it concerns, as `accounts.acme.authTokenEnv`. */
  path: string;
  error: ErrorRecord;
}

/** How a fleet reaches its accounts. */
export interface ConnectOptions {
  /** Where every account's requests go: the service, a proxy or a sandbox. */
  baseUrl?: string;
  /**
   * Where the variables named by the file are read.
   * @default process.env
   */
  env?: Record<string, string | undefined>;
  /**
   * The most requests in flight per account; the limit halves on a 429 and climbs back to this.
   * @default fleetDefaults.concurrency
   */
  concurrency?: number;
  /**
   * The most requests in flight across every account at once: 1,000 accounts at 4 each would hold
   * 4,000 sockets. Within it, each account keeps its own `concurrency`.
   * @default fleetDefaults.fleetConcurrency
   */
  fleetConcurrency?: number;
  /**
   * The per-attempt timeout, in milliseconds. A create that failed ambiguously is looked up only
   * once this long has passed since it was sent, since the service may still apply it until then.
   * @default defaults.timeoutMs
   */
  timeoutMs?: number;
  /** How many times a read is tried again (429, 5xx, network), within the client. @default fleetDefaults.maxRetries */
  maxRetries?: number;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Appended to the User-Agent. */
  userAgentExtension?: string;
  /**
   * Each account's credentials from code, as a secrets manager gives them; by default each is read
   * from the variable the file names (`authTokenEnv`, `apiSecretEnv`) in `env`. A rejection fails
   * that account alone. What it resolves to is never logged nor reported.
   * @example credentials: async (account) => ({ authToken: await secrets.get(`twilio/${account.accountSid}`) })
   */
  credentials?: (account: FleetAccount) => AccountCredentials | Promise<AccountCredentials>;
  /**
   * The longest `Retry-After` honoured, in milliseconds, as the client's option of that name: a
   * longer one fails the request instead of holding the account.
   * @default defaults.maxRetryDelayMs
   */
  maxRetryDelayMs?: number;
}

/** An account, connected. */
export interface AccountRuntime {
  account: FleetAccount;
  /** Reads and deletes, retried by the client (GET and DELETE are safe to send again). */
  reader: SendersClient;
  /** Creates and updates: `maxRetries: 0`, so that the client never sends a POST twice; the fleet retries a 429 itself. */
  writer: SendersClient;
  limiter: AimdLimiter;
  timeoutMs: number;
  /** The longest Retry-After honoured. */
  maxRetryDelayMs: number;
  /** Every WhatsApp sender of the account, one walk holding one slot. */
  walk(visit: (sender: Sender) => void): Promise<void>;
  /** The sender with this sender_id, read no earlier than `notBefore` (ms since the epoch); batched per account. */
  lookup(senderId: string, notBefore: number): Promise<Sender | undefined>;
  close(): void;
}

export const defaultConcurrency = fleetDefaults.concurrency;

/** The accounts connected, and those whose credentials could not be had. */
export interface Connected {
  runtimes: Map<string, AccountRuntime>;
  failures: AccountFailure[];
}

/** Connects every account of the fleet whose credentials can be had; the others are failures of their own. */
export async function connectAccounts(fleet: Fleet, options: ConnectOptions = {}): Promise<Connected> {
  const runtimes = new Map<string, AccountRuntime>();
  const failures: AccountFailure[] = [];
  // Every account's requests share it; it never halves (each account's own limiter answers its 429s).
  const fleetWide = new AimdLimiter(options.fleetConcurrency ?? fleetDefaults.fleetConcurrency);
  await Promise.all(
    [...fleet.accounts.values()].map(async (account) => {
      const found = await credentialsOf(account, options);
      if ('failure' in found) failures.push(found.failure);
      else runtimes.set(account.name, connectAccount(account, found.credentials, options, fleetWide));
    }),
  );
  return { runtimes, failures };
}

/** Where an account's secret is, in words: its variable, or its API key with its variable, or `credentials()`. */
export function secretOf(account: FleetAccount, options: Pick<ConnectOptions, 'credentials'> = {}): string {
  if (options.credentials) return `credentials(${JSON.stringify(account.name)})`;
  if (account.authTokenEnv) return account.authTokenEnv;
  return `${account.apiKey} with ${account.apiSecretEnv}`;
}

/** The place in the file of an account's secret. */
const secretPath = (account: FleetAccount) =>
  `accounts.${account.name}.${account.authTokenEnv ? 'authTokenEnv' : 'apiSecretEnv'}`;

/** An account's failure at `stage`, with where its secret is. */
export function accountFailure(
  account: FleetAccount,
  stage: AccountFailure['stage'],
  error: unknown,
  options: Pick<ConnectOptions, 'credentials'> = {},
): AccountFailure {
  // A refused secret is a credentials failure, whatever request met it.
  const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
  const at = refused ? 'credentials' : stage;
  return {
    account: account.name,
    secret: secretOf(account, options),
    stage: at,
    path: at === 'credentials' && !options.credentials ? secretPath(account) : `accounts.${account.name}`,
    error: errorRecord(error),
  };
}

async function credentialsOf(
  account: FleetAccount,
  options: ConnectOptions,
): Promise<
  { credentials: { authToken: string } | { apiKey: string; apiSecret: string } } | { failure: AccountFailure }
> {
  const fail = (message: string) => ({
    failure: { ...accountFailure(account, 'credentials', new Error(message), options), stage: 'credentials' as const },
  });
  if (options.credentials) {
    let given: AccountCredentials;
    try {
      given = await options.credentials(account);
    } catch (error) {
      // Its message only: a secrets manager's error is the caller's to log.
      return fail(`credentials() failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof given === 'object' && given !== null) {
      if ('authToken' in given && typeof given.authToken === 'string' && given.authToken !== '')
        return { credentials: { authToken: given.authToken } };
      const apiKey = ('apiKey' in given ? given.apiKey : undefined) ?? account.apiKey;
      if ('apiSecret' in given && typeof given.apiSecret === 'string' && given.apiSecret !== '' && apiKey)
        return { credentials: { apiKey, apiSecret: given.apiSecret } };
    }
    return fail('credentials() gave neither { authToken } nor { apiKey, apiSecret }');
  }
  const env = options.env ?? process.env;
  const variable = account.authTokenEnv ?? account.apiSecretEnv ?? '';
  // Own keys only: a variable named `toString` is not set.
  const value = Object.hasOwn(env, variable) ? env[variable] : undefined;
  if (!value) return fail(`${variable} is not set`);
  if (account.authTokenEnv) return { credentials: { authToken: value } };
  return { credentials: { apiKey: account.apiKey ?? '', apiSecret: value } };
}

function connectAccount(
  account: FleetAccount,
  secret: { authToken: string } | { apiKey: string; apiSecret: string },
  options: ConnectOptions,
  fleetWide: AimdLimiter,
): AccountRuntime {
  const maxRetryDelayMs = options.maxRetryDelayMs ?? defaults.maxRetryDelayMs;
  const limiter = new AimdLimiter(options.concurrency ?? defaultConcurrency);
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const observed = observe(fetchImpl, fleetWide, limiter, maxRetryDelayMs);
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  // Every member of the account's credential set is passed, and credentials passed win as a set, so
  // no TWILIO_* variable of the environment fills a gap or swaps one in (src/config.ts).
  const credentials = { accountSid: account.accountSid, ...secret };
  const common = {
    ...credentials,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.userAgentExtension ? { userAgentExtension: options.userAgentExtension } : {}),
    timeoutMs,
    maxRetryDelayMs,
    fetch: observed,
  };
  const reader = createSendersClient({ ...common, maxRetries: options.maxRetries ?? fleetDefaults.maxRetries });
  const writer = createSendersClient({ ...common, maxRetries: 0 });

  // Pages of 200: ten accounts read at once hold ten pages; 1,000 senders a page would be 50 MB of them.
  const walk = (visit: (sender: Sender) => void) =>
    limiter.run(async () => {
      for await (const sender of reader.iterate({ pageSize: 200 })) visit(sender);
    });

  const lookups = batchedLookups(walk);
  return {
    account,
    reader,
    writer,
    limiter,
    timeoutMs,
    maxRetryDelayMs,
    walk,
    lookup: lookups.lookup,
    close() {
      lookups.close();
      limiter.close();
    },
  };
}

/**
 * The account's fetch: every attempt, the client's own retries included, goes through the fleet-wide
 * limiter, and its answer tells the account's own limiter (a 429 halves it, a success grows it).
 */
function observe(
  fetchImpl: typeof globalThis.fetch,
  fleetWide: AimdLimiter,
  limiter: AimdLimiter,
  maxRetryDelayMs: number,
): typeof globalThis.fetch {
  return async (input, init) => {
    let sentAt = 0;
    const response = await fleetWide.run(() => {
      sentAt = Date.now();
      return fetchImpl(input, init);
    });
    // The pause is the client's: a Retry-After past maxRetryDelayMs is not honoured (the request fails), so
    // it never holds the account longer than that.
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      limiter.rateLimited(sentAt, retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, maxRetryDelayMs));
    } else if (response.ok) limiter.succeeded();
    return response;
  };
}
