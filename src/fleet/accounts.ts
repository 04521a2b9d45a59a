// One account at work: its clients, its limiter, and the lookup of senders by sender_id. Every
// request of the account goes through its limiter; every response it gets tells the limiter.
import { createSendersClient, type SendersClient } from '../client.js';
import { defaults } from '../options.js';
import { parseRetryAfter } from '../retry.js';
import type { Sender } from '../types.js';
import { accountSecrets, type Fleet, type FleetAccount } from './file.js';
import { AimdLimiter } from './limiter.js';

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
   * @default 4
   */
  concurrency?: number;
  /**
   * The per-attempt timeout, in milliseconds. A create that failed ambiguously is looked up only
   * once this long has passed since it was sent, since the service may still apply it until then.
   * @default 30_000
   */
  timeoutMs?: number;
  /** How many times a read is tried again (429, 5xx, network), within the client. @default 10 */
  maxRetries?: number;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Appended to the User-Agent. */
  userAgentExtension?: string;
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
  /** Every WhatsApp sender of the account, one walk holding one slot. */
  walk(visit: (sender: Sender) => void): Promise<void>;
  /** The sender with this sender_id, read no earlier than `notBefore` (ms since the epoch); batched per account. */
  lookup(senderId: string, notBefore: number): Promise<Sender | undefined>;
  close(): void;
}

export const defaultConcurrency = 4;

/** Connects every account of the fleet; a ValidationError names every secret variable missing, before anything is sent. */
export function connectAccounts(fleet: Fleet, options: ConnectOptions = {}): Map<string, AccountRuntime> {
  const secrets = accountSecrets(fleet, options.env ?? process.env);
  const runtimes = new Map<string, AccountRuntime>();
  for (const account of fleet.accounts.values()) {
    const secret = secrets.get(account.name);
    if (secret) runtimes.set(account.name, connectAccount(account, secret, options));
  }
  return runtimes;
}

function connectAccount(
  account: FleetAccount,
  secret: { authToken: string } | { apiKey: string; apiSecret: string },
  options: ConnectOptions,
): AccountRuntime {
  const limiter = new AimdLimiter(options.concurrency ?? defaultConcurrency);
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Sees every attempt, the client's own retries included.
  const observed: typeof globalThis.fetch = async (input, init) => {
    const sentAt = Date.now();
    const response = await fetchImpl(input, init);
    if (response.status === 429) limiter.rateLimited(sentAt, parseRetryAfter(response.headers.get('Retry-After')));
    else if (response.ok) limiter.succeeded();
    return response;
  };
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  // Every member of the account's credential set is passed, and credentials passed win as a set, so
  // no TWILIO_* variable of the environment fills a gap or swaps one in (src/config.ts).
  const credentials = { accountSid: account.accountSid, ...secret };
  const common = {
    ...credentials,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.userAgentExtension ? { userAgentExtension: options.userAgentExtension } : {}),
    timeoutMs,
    fetch: observed,
  };
  const reader = createSendersClient({ ...common, maxRetries: options.maxRetries ?? 10 });
  const writer = createSendersClient({ ...common, maxRetries: 0 });

  // Pages of 200: ten accounts read at once hold ten pages; 1,000 senders a page would be 50 MB of them.
  const walk = (visit: (sender: Sender) => void) =>
    limiter.run(async () => {
      for await (const sender of reader.iterate({ pageSize: 200 })) visit(sender);
    });

  // Lookups waiting, by sender_id; one walk answers every lookup that is due.
  const waiting = new Map<
    string,
    { notBefore: number; settle: ((found: Sender | undefined) => void)[]; fail: ((error: unknown) => void)[] }
  >();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let walking = false;
  const schedule = () => {
    if (walking || waiting.size === 0) return;
    const due = Math.min(...[...waiting.values()].map((entry) => entry.notBefore));
    clearTimeout(timer);
    timer = setTimeout(lookupDue, Math.max(0, due - Date.now()));
  };
  const lookupDue = async () => {
    walking = true;
    const startedAt = Date.now();
    const due = [...waiting.entries()].filter(([, entry]) => entry.notBefore <= startedAt);
    for (const [senderId] of due) waiting.delete(senderId);
    const found = new Map<string, Sender>();
    const wanted = new Set(due.map(([senderId]) => senderId));
    try {
      await walk((sender) => {
        if (wanted.has(sender.sender_id)) found.set(sender.sender_id, sender);
      });
      for (const [senderId, entry] of due) for (const settle of entry.settle) settle(found.get(senderId));
    } catch (error) {
      for (const [, entry] of due) for (const fail of entry.fail) fail(error);
    } finally {
      walking = false;
      schedule();
    }
  };

  return {
    account,
    reader,
    writer,
    limiter,
    timeoutMs,
    walk,
    lookup: (senderId, notBefore) =>
      new Promise((resolve, reject) => {
        const entry = waiting.get(senderId) ?? { notBefore, settle: [], fail: [] };
        entry.notBefore = Math.max(entry.notBefore, notBefore);
        entry.settle.push(resolve);
        entry.fail.push(reject);
        waiting.set(senderId, entry);
        schedule();
      }),
    close() {
      clearTimeout(timer);
      limiter.close();
    },
  };
}
