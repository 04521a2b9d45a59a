// The package's defaults that are not a client option, in one object: each reader imports it, and
// the JSDoc `@default` of each option is held to it by a test. (The client's own options keep
// theirs in options.ts `defaults` until the transport's defaults join them.)

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

/** The defaults, one place for each. */
export const defaults = {
  poll: { intervalMs: 2_000, growth: 1.5, longestIntervalMs: 30_000, maxWaitMs: 600_000 },
} as const satisfies { poll: PollDefaults };
