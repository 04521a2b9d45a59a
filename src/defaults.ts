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

/** The names of the client options that have a default. */
export const defaultedOptions = Object.keys(defaults).filter((key) => key !== 'poll') as (keyof DefaultedOptions)[];
