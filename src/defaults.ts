// Every default of the package, in one object: the client's options, the retry policy and the
// waits' schedule. Each reader imports it; the JSDoc `@default` of each option and the README's
// option table are held to it by src/defaults.test.ts. Change a default here, and only here.
import { requestRules } from '../generated/request-rules.js';
import type { ClientOptions } from './options.js';

/** How every wait polls a sender: waitForStatus, register, verify, the CLI's `wait` and the fleet. */
interface PollDefaults {
  /** The first wait between two reads, in milliseconds. */
  intervalMs: number;
  /** Each wait is this many times the last… */
  growth: number;
  /** …up to this, in milliseconds; also the longest `intervalMs` a wait accepts. */
  longestIntervalMs: number;
  /** The deadline of a whole wait, in milliseconds. */
  maxWaitMs: number;
}

type Credential = 'accountSid' | 'authToken' | 'apiKey' | 'apiSecret';
type Host = 'baseUrl' | 'edge' | 'region';
/** The client options that have a default: all but credentials, host, logger, fetch and the User-Agent's extension. */
export type DefaultedOptions = Required<
  Omit<ClientOptions, Credential | Host | 'userAgentExtension' | 'logger' | 'fetch'>
>;

/** The defaults, one place for each. Read-only: a caller cannot change another's. */
export const defaults = Object.freeze({
  validate: true,
  extraFields: Object.freeze([]) as readonly string[],
  timeoutMs: 30_000,
  maxRetries: 3,
  backoffBaseMs: 250,
  backoffCapMs: 8_000,
  maxRetryDelayMs: 30_000,
  // The largest page the spec allows, at 16 KiB a sender.
  maxResponseBytes: requestRules.operations.listSenders.query.PageSize.schema.maximum * 16_384,
  poll: Object.freeze({ intervalMs: 2_000, growth: 1.5, longestIntervalMs: 30_000, maxWaitMs: 600_000 }),
} satisfies DefaultedOptions & { poll: PollDefaults });

/** The fleet's numbers (whatsapp-senders/fleet), one place for each. Read-only, as `defaults`. */
export const fleetDefaults = /* @__PURE__ */ Object.freeze({
  /** How many times an account's read is tried again within the client: a fleet outlasts a rate limit. */
  maxRetries: 10,
  /** The most requests in flight per account. */
  concurrency: 4,
  /** The most requests in flight across every account. */
  fleetConcurrency: 256,
  /** How many accounts a run works at once on a shared store (PostgreSQL); a file journal works all. */
  sharedAccountsAtOnce: 32,
  /** The senders of one account carried out at once: more than `concurrency`, so that those awaiting a window or a code do not hold up the rest. */
  sendersAtOnce: 64,
  /** 429s in a row for one write before it fails. */
  maxRefusals: 20,
  /** Ambiguous failures of one write before it fails. */
  maxAmbiguous: 3,
  /** Past the per-attempt timeout, a margin for the journal's sync and the clocks. */
  settleMarginMs: 1_000,
  /** A wait this long or longer is told (`waiting`), with its end. */
  longWaitMs: 5_000,
  /** Two waits whose ends are this close are told once. */
  sameWaitMs: 1_000,
  /** How a run waits for an account another run holds: cheap queries, tried often, growing as the poller grows. */
  holdWait: /* @__PURE__ */ Object.freeze({ intervalMs: 50, longestIntervalMs: 250 }),
});

/** The names of the client options that have a default. */
export const defaultedOptions = Object.keys(defaults).filter((key) => key !== 'poll') as (keyof DefaultedOptions)[];

/**
 * The PostgreSQL journal's defaults (whatsapp-senders/fleet/postgres): its options' and its fixed
 * timers. Read-only.
 */
export const postgresDefaults = /* @__PURE__ */ Object.freeze({
  /** The schema of the tables. */
  schema: 'whatsapp_senders',
  /** The most connections of the store's own pool: one for each account worked at once (32 on a shared store), and one more. */
  maxConnections: 33,
  /** The longest a statement may go unanswered before the store is lost, in milliseconds. */
  queryTimeoutMs: 30_000,
  /** The longest a new connection of the store's own pool may take, in milliseconds. */
  connectTimeoutMs: 10_000,
  /** The longest close() waits for the store's own pool to end, on a server that may no longer answer, in milliseconds. */
  poolEndMs: 2_000,
  /**
   * How the server probes a connection that holds an account, in seconds: idle this long, then
   * `count` probes `interval` apart. A host cut off lets its accounts go within a minute.
   */
  keepalive: /* @__PURE__ */ Object.freeze({ idle: 30, interval: 10, count: 3 }),
} as const);
